#ifndef COVBOT_FUZZ_XMLCHECK_H
#define COVBOT_FUZZ_XMLCHECK_H

/// Whether `length` bytes at `text` parse as a well-formed XML document (libxml2, no network,
/// no entity expansion). The header declares no libxml2 types, so it cannot clash with the main
/// package's CLibXML2 module.
int covbot_fuzz_xml_well_formed(const char *text, int length);

#endif
