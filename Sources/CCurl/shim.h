#ifndef CITECHECK_CCURL_SHIM_H
#define CITECHECK_CCURL_SHIM_H
#include <curl/curl.h>

/* libcurl is loaded with dlopen when the first request is made, not linked: linking it makes every run load
   its thirty-odd dependencies (TLS, Kerberos, LDAP, ...), about 4 ms before main, and most runs are offline.
   `CurlLibrary` (PubMed module) resolves these functions once; the types below are their C signatures. */
typedef CURLcode (*citecheck_curl_global_init_fn)(long flags);
typedef curl_version_info_data *(*citecheck_curl_version_info_fn)(CURLversion age);
typedef CURL *(*citecheck_curl_easy_init_fn)(void);
typedef void (*citecheck_curl_easy_handle_fn)(CURL *handle);
typedef CURLcode (*citecheck_curl_easy_perform_fn)(CURL *handle);
typedef const char *(*citecheck_curl_easy_strerror_fn)(CURLcode code);
typedef struct curl_slist *(*citecheck_curl_slist_append_fn)(struct curl_slist *list, const char *line);
typedef void (*citecheck_curl_slist_free_all_fn)(struct curl_slist *list);
typedef CURLcode (*citecheck_curl_easy_setopt_fn)(CURL *handle, CURLoption option, ...);
typedef CURLcode (*citecheck_curl_easy_getinfo_fn)(CURL *handle, CURLINFO info, ...);

/* curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call:
   one typed, non-variadic shim per argument type, calling through the resolved function. */
static inline CURLcode citecheck_curl_setopt_long(citecheck_curl_easy_setopt_fn setopt, CURL *handle, CURLoption option, long value) {
    return setopt(handle, option, value);
}
static inline CURLcode citecheck_curl_setopt_string(citecheck_curl_easy_setopt_fn setopt, CURL *handle, CURLoption option, const char *value) {
    return setopt(handle, option, value);
}
static inline CURLcode citecheck_curl_setopt_pointer(citecheck_curl_easy_setopt_fn setopt, CURL *handle, CURLoption option, void *value) {
    return setopt(handle, option, value);
}
static inline CURLcode citecheck_curl_setopt_off_t(citecheck_curl_easy_setopt_fn setopt, CURL *handle, CURLoption option, curl_off_t value) {
    return setopt(handle, option, value);
}
typedef size_t (*citecheck_curl_write_callback)(char *data, size_t size, size_t count, void *userdata);
static inline CURLcode citecheck_curl_setopt_write_function(citecheck_curl_easy_setopt_fn setopt, CURL *handle, CURLoption option, citecheck_curl_write_callback callback) {
    return setopt(handle, option, callback);
}
typedef int (*citecheck_curl_xferinfo_callback)(void *userdata, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow);
static inline CURLcode citecheck_curl_setopt_xferinfo_function(citecheck_curl_easy_setopt_fn setopt, CURL *handle, CURLoption option, citecheck_curl_xferinfo_callback callback) {
    return setopt(handle, option, callback);
}
static inline CURLcode citecheck_curl_getinfo_long(citecheck_curl_easy_getinfo_fn getinfo, CURL *handle, CURLINFO info, long *value) {
    return getinfo(handle, info, value);
}
static inline CURLcode citecheck_curl_getinfo_string(citecheck_curl_easy_getinfo_fn getinfo, CURL *handle, CURLINFO info, char **value) {
    return getinfo(handle, info, value);
}
static inline CURLcode citecheck_curl_getinfo_off_t(citecheck_curl_easy_getinfo_fn getinfo, CURL *handle, CURLINFO info, curl_off_t *value) {
    return getinfo(handle, info, value);
}
#endif
