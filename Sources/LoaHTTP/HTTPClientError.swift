import CCurl

/// A transport failure: no complete HTTP response was received.
public struct HTTPClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, coarse enough to decide whether and how to retry.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// No TCP connection could be made (refused, unreachable); the request was not sent.
        case connect
        /// The request or connect timeout elapsed; the request may have been processed.
        case timeout
        /// The connection broke, or the server closed it without a (complete) answer.
        case reset
        /// TLS handshake or certificate verification failed.
        case tls
        /// The host name could not be resolved; the request was not sent.
        case dns
        /// The response body exceeded the configured size limit.
        case tooLarge
        /// The calling task was cancelled or the client was shut down.
        case cancelled
        /// The request itself was unusable (malformed URL or header, unsupported scheme).
        case invalidRequest
        /// Anything else libcurl reported.
        case other
    }

    /// The failure class.
    public var kind: Kind
    /// libcurl's detailed message (or Loa's, for failures detected before libcurl ran).
    public var message: String
    /// The `CURLcode` value, when libcurl reported the failure.
    public var curlCode: Int?

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, curlCode: Int? = nil) {
        self.kind = kind
        self.message = message
        self.curlCode = curlCode
    }

    /// `kind: message`.
    public var description: String {
        curlCode.map { "\(kind.rawValue): \(message) (curl \($0))" } ?? "\(kind.rawValue): \(message)"
    }

    /// Classifies a failed transfer. `detail` is the text of CURLOPT_ERRORBUFFER, which is more
    /// specific than `curl_easy_strerror` (it names the host, port and errno).
    init(curlCode code: CURLcode, detail: String) {
        let generic = curl_easy_strerror(code).map { String(cString: $0) } ?? "curl error"
        self.init(Self.kind(of: code), detail.isEmpty ? generic : detail, curlCode: Int(code.rawValue))
    }

    static func kind(of code: CURLcode) -> Kind {
        switch code {
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_PROXY:
            return .connect
        case CURLE_COULDNT_RESOLVE_HOST:
            return .dns
        case CURLE_OPERATION_TIMEDOUT:
            return .timeout
        case CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_PARTIAL_FILE,
             CURLE_HTTP2, CURLE_HTTP2_STREAM, CURLE_HTTP3, CURLE_QUIC_CONNECT_ERROR:
            return .reset
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_SHUTDOWN_FAILED,
             CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
             CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT, CURLE_SSL_ENGINE_NOTFOUND,
             CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED, CURLE_USE_SSL_FAILED:
            return .tls
        case CURLE_FILESIZE_EXCEEDED:
            return .tooLarge
        case CURLE_ABORTED_BY_CALLBACK:
            return .cancelled
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL, CURLE_BAD_FUNCTION_ARGUMENT:
            return .invalidRequest
        default:
            return .other
        }
    }
}
