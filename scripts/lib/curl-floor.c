/* The cost of libcurl itself, with no Swift around it: POSTs the same JSON body to one URL with a
 * fixed number of transfers in flight on keep-alive connections, driven the way LoaHTTP drives it
 * (curl_multi_perform + curl_multi_poll on one thread, every option set again on a reset handle
 * for each request). `scripts/bench dispatch` uses it to show what the HTTP side costs at least.
 *
 * usage: curl-floor URL REQUESTS CONCURRENCY BODY
 * prints {"requests","seconds","rps","cpu_user_s","cpu_sys_s"} */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static const char *url, *body;
static long total, started, finished;
static struct curl_slist *headers;

static size_t discard(char *data, size_t size, size_t count, void *context) {
    (void)data; (void)context;
    return size * count;
}

static void start(CURLM *multi, CURL *easy) {
    curl_easy_reset(easy);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_URL, url);
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_1_1);
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, 15000L);
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, 10000L);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, discard);
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)strlen(body));
    curl_easy_setopt(easy, CURLOPT_COPYPOSTFIELDS, body);
    curl_multi_add_handle(multi, easy);
    started++;
}

static double seconds(struct timeval t) { return t.tv_sec + t.tv_usec / 1e6; }

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: curl-floor URL REQUESTS CONCURRENCY BODY\n");
        return 2;
    }
    url = argv[1];
    total = atol(argv[2]);
    long concurrency = atol(argv[3]);
    body = argv[4];
    if (total < 1 || concurrency < 1) {
        fprintf(stderr, "curl-floor: REQUESTS and CONCURRENCY must be positive\n");
        return 2;
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    CURLM *multi = curl_multi_init();
    curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, 4 * concurrency);
    curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, concurrency);
    headers = curl_slist_append(NULL, "Content-Type: application/json; charset=utf-8");
    headers = curl_slist_append(headers, "Expect:");

    struct timespec begin, end;
    clock_gettime(CLOCK_MONOTONIC, &begin);
    for (long i = 0; i < concurrency && started < total; i++) start(multi, curl_easy_init());
    int running = 0, queued = 0;
    while (finished < total) {
        curl_multi_perform(multi, &running);
        CURLMsg *message;
        while ((message = curl_multi_info_read(multi, &queued))) {
            if (message->msg != CURLMSG_DONE) continue;
            CURL *easy = message->easy_handle;
            long status = 0;
            curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
            if (message->data.result != CURLE_OK || status / 100 != 2) {
                fprintf(stderr, "curl-floor: %s, status %ld\n", curl_easy_strerror(message->data.result), status);
                return 1;
            }
            curl_multi_remove_handle(multi, easy);
            finished++;
            if (started < total) start(multi, easy); else curl_easy_cleanup(easy);
        }
        if (finished < total) curl_multi_poll(multi, NULL, 0, 1000, NULL);
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double wall = (end.tv_sec - begin.tv_sec) + (end.tv_nsec - begin.tv_nsec) / 1e9;
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    printf("{\"requests\":%ld,\"seconds\":%.3f,\"rps\":%.0f,\"cpu_user_s\":%.3f,\"cpu_sys_s\":%.3f}\n",
           total, wall, total / wall, seconds(usage.ru_utime), seconds(usage.ru_stime));
    curl_slist_free_all(headers);
    curl_multi_cleanup(multi);
    curl_global_cleanup();
    return 0;
}
