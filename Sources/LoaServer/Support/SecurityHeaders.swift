import Hummingbird

/// Headers every answer carries, set in one place instead of per route.
///
/// - every response: `X-Content-Type-Options: nosniff`;
/// - HTML: a CSP with `frame-ancestors 'none'` and `X-Frame-Options: DENY` (no page in a frame);
/// - exports (any CSV, the API's unread list): `Cache-Control: no-store` and
///   `Content-Disposition: attachment`, so a shared computer's cache keeps no phone list;
/// - everything under `/api/`: `Cache-Control: no-store`.
///
/// An error that escapes a route is answered here with a reference id (``ErrorReference``), so
/// even those answers carry the headers and no error text.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    static var pageSecurityPolicy: String {
        "default-src 'none'; style-src 'self' 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        } catch {
            response = ErrorReference.log(error, "request failed", logger: context.logger).json
        }
        Self.apply(to: &response, path: request.uri.path)
        return response
    }

    static func apply(to response: inout Response, path: String) {
        response.headers[.xContentTypeOptions] = "nosniff"
        let type = response.headers[.contentType] ?? ""
        if type.hasPrefix("text/html") {
            let policy = response.headers[.contentSecurityPolicy]
            if let policy, !policy.contains("frame-ancestors") {
                response.headers[.contentSecurityPolicy] = policy + "; frame-ancestors 'none'"
            } else if policy == nil {
                response.headers[.contentSecurityPolicy] = pageSecurityPolicy
            }
            response.headers[.init("X-Frame-Options")!] = "DENY"
        }
        if path.hasPrefix("/api/") { response.headers[.cacheControl] = "no-store" }
        if isExport(path: path, contentType: type) {
            response.headers[.cacheControl] = "no-store"
            if response.headers[.contentDisposition] == nil {
                let file = type.hasPrefix("text/csv") ? "loa.csv" : "unread.json"
                response.headers[.contentDisposition] = "attachment; filename=\"\(file)\""
            }
        }
    }

    /// Any CSV, and the API's unread list as JSON.
    static func isExport(path: String, contentType: String) -> Bool {
        contentType.hasPrefix("text/csv")
            || (contentType.hasPrefix("application/json") && path.hasPrefix("/api/notices/") && path.hasSuffix("/unread"))
    }
}
