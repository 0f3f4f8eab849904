#ifndef COVBOT_CLIBXML2_SHIM_H
#define COVBOT_CLIBXML2_SHIM_H

// Debian's libxml2 is built with ICU, so encoding.h would include <unicode/ucnv.h>. Those ICU
// declarations clash with Foundation's bundled _FoundationICU in any Swift file importing both.
// CovBot never touches the ICU members of xmlCharEncodingHandler, so hide them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>

#endif
