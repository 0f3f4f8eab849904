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

// The libxml2 covbot runs against, e.g. "20914". xmlParserVersion is a macro over a per-thread
// accessor in threaded builds, which Swift does not import.
static inline const char *covbot_xml_parser_version(void) {
  return xmlParserVersion;
}

#endif
