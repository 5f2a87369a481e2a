#ifndef LOA_CCURL_SHIM_H
#define LOA_CCURL_SHIM_H

#include <curl/curl.h>

// Swift cannot call C variadic functions, so every variadic libcurl entry point Loa needs gets one
// typed wrapper per argument kind. Pick the wrapper that matches the option's documented type:
// libcurl reads the vararg with that exact type and a mismatch is undefined behaviour.

// MARK: curl_easy_setopt

/// Options of type `long` (CURLOPTTYPE_LONG, including enums and booleans).
static inline CURLcode loa_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/// Options of type `curl_off_t` (CURLOPTTYPE_OFF_T, the `_LARGE` options).
static inline CURLcode loa_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/// Options of type `char *` (CURLOPTTYPE_STRINGPOINT). libcurl copies these strings, except
/// CURLOPT_POSTFIELDS, which must outlive the transfer.
static inline CURLcode loa_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Options of object-pointer type (CURLOPTTYPE_OBJECTPOINT / CBPOINT / SLISTPOINT), such as
/// CURLOPT_WRITEDATA, CURLOPT_PRIVATE, CURLOPT_HTTPHEADER and CURLOPT_ERRORBUFFER.
static inline CURLcode loa_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

/// CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION (both take a `curl_write_callback`).
static inline CURLcode loa_easy_setopt_write_function(CURL *handle, CURLoption option,
                                                      curl_write_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

// MARK: curl_multi_setopt

/// Multi options of type `long`.
static inline CURLMcode loa_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}

// MARK: curl_easy_getinfo

/// CURLINFO_LONG infos, e.g. CURLINFO_RESPONSE_CODE and CURLINFO_NUM_CONNECTS.
static inline CURLcode loa_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// CURLINFO_DOUBLE infos (the deprecated `*_TIME` variants).
static inline CURLcode loa_easy_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// CURLINFO_OFF_T infos, e.g. CURLINFO_TOTAL_TIME_T (microseconds).
static inline CURLcode loa_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// CURLINFO_STRING infos, e.g. CURLINFO_EFFECTIVE_URL. The string belongs to the handle.
static inline CURLcode loa_easy_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}

// MARK: Constants that do not import as usable Swift values

/// CURL_ERROR_SIZE, the size CURLOPT_ERRORBUFFER must have.
static const long loa_curl_error_size = CURL_ERROR_SIZE;

/// CURL_GLOBAL_DEFAULT as a `long`, the type curl_global_init takes.
static const long loa_curl_global_default = CURL_GLOBAL_DEFAULT;

#endif
