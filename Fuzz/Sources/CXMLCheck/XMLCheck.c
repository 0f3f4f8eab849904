#include "CXMLCheck.h"

#include <libxml/parser.h>

int covbot_fuzz_xml_well_formed(const char *text, int length) {
  // NOERROR/NOWARNING: a malformed report is the oracle's finding, not stderr noise per input.
  xmlDocPtr document = xmlReadMemory(text, length, "junit.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (document == NULL) {
    return 0;
  }
  xmlFreeDoc(document);
  return 1;
}
