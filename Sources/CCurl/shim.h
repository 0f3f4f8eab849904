#ifndef COVBOT_CCURL_SHIM_H
#define COVBOT_CCURL_SHIM_H

#include <curl/curl.h>

// curl_easy_setopt / curl_easy_getinfo are variadic C functions that Swift cannot call.
// These typed wrappers are what swift-corelibs-foundation does in CFURLSessionInterface.

static inline CURLcode covbot_curl_easy_setopt_long(CURL *handle, CURLoption option, long value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode covbot_curl_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode covbot_curl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode covbot_curl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode covbot_curl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode covbot_curl_easy_setopt_write_callback(CURL *handle, CURLoption option, curl_write_callback value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode covbot_curl_easy_setopt_xferinfo_callback(CURL *handle, curl_xferinfo_callback value) {
  return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, value);
}

static inline CURLcode covbot_curl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
  return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode covbot_curl_easy_getinfo_double(CURL *handle, CURLINFO info, double *value) {
  return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode covbot_curl_easy_getinfo_string(CURL *handle, CURLINFO info, char **value) {
  return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode covbot_curl_global_init_default(void) {
  return curl_global_init(CURL_GLOBAL_DEFAULT);
}

static inline CURLcode covbot_curl_easy_setopt_xferinfo_data(CURL *handle, void *value) {
  return curl_easy_setopt(handle, CURLOPT_XFERINFODATA, value);
}

static inline CURLcode covbot_curl_easy_setopt_header_callback(CURL *handle, curl_write_callback value) {
  return curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, value);
}

static inline CURLcode covbot_curl_easy_setopt_header_data(CURL *handle, void *value) {
  return curl_easy_setopt(handle, CURLOPT_HEADERDATA, value);
}

// Macros built from other macros (or with casts) are not imported into Swift.
static inline long covbot_curl_redir_post_all(void) {
  return CURL_REDIR_POST_ALL;
}

static inline long covbot_curl_error_size(void) {
  return CURL_ERROR_SIZE;
}

// CURLVERSION_NOW is built from an enum member, so Swift does not import it.
static inline curl_version_info_data *covbot_curl_version_info_now(void) {
  return curl_version_info(CURLVERSION_NOW);
}

// libcurl's built-in CA bundle and directory (CURLINFO_CAINFO / CURLINFO_CAPATH, curl 7.84). Headers
// older than that (Ubuntu 22.04 ships 7.81, where release binaries are built) lack the names, so the
// values are spelled out: a newer libcurl at run time still answers, an older one returns
// CURLE_UNKNOWN_OPTION.
static inline CURLcode covbot_curl_easy_getinfo_default_cainfo(CURL *handle, char **value) {
  return curl_easy_getinfo(handle, (CURLINFO)(CURLINFO_STRING + 61), value);
}

static inline CURLcode covbot_curl_easy_getinfo_default_capath(CURL *handle, char **value) {
  return curl_easy_getinfo(handle, (CURLINFO)(CURLINFO_STRING + 62), value);
}

#endif
