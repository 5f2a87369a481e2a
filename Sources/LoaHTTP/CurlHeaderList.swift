import CCurl

/// A request's header lines as the `curl_slist` that CURLOPT_HTTPHEADER reads, built by the caller
/// so the network thread only hands the pointer over. Freed when the last reference goes, which is
/// after the transfer that used it has been removed from the multi handle.
///
/// `@unchecked Sendable`: the list is never changed after `init`, and libcurl reads it only on the
/// network thread while the transfer runs.
final class CurlHeaderList: @unchecked Sendable {
    let raw: UnsafeMutablePointer<curl_slist>?

    /// Validates `request`'s header fields and builds the list.
    init(for request: HTTPRequest) throws(HTTPClientError) {
        var list: UnsafeMutablePointer<curl_slist>? = nil
        for line in try request.curlHeaderLines().get() {
            guard let extended = curl_slist_append(list, line) else {
                curl_slist_free_all(list)
                throw HTTPClientError(.other, "out of memory building the header list")
            }
            list = extended
        }
        raw = list
    }

    deinit {
        curl_slist_free_all(raw)
    }
}
