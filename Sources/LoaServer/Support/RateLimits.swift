import Hummingbird
import LoaConfig
import NIOCore

/// Per-address limits on the doors an attacker would hammer (`[limits]`): failed sign-ins at
/// `POST /login` (a successful one costs nothing), the API, resident links `/m/…`, and one shared limit on all gateway hooks (a
/// gateway sends from many addresses, and a broadcast's receipts arrive in a burst). Over a limit
/// the answer is 429 with `Retry-After`, before any route runs.
///
/// The defaults leave a commune's peak alone: every one of ~5 000 residents opening their link
/// (page, stylesheet, confirmation) within a minute from one carrier NAT address.
struct RateLimits<Context: RemoteAddressRequestContext>: RouterMiddleware {
    let login: RateLimiter
    let api: RateLimiter
    let links: RateLimiter
    let hooks: RateLimiter

    init(_ limits: LoaConfiguration.Limits) {
        login = RateLimiter(perMinute: limits.loginPerMinute)
        api = RateLimiter(perMinute: limits.apiPerMinute)
        links = RateLimiter(perMinute: limits.linkPerMinute)
        hooks = RateLimiter(perMinute: limits.hooksPerMinute)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        let wait: Int?
        if path.hasPrefix("/hooks/") {
            wait = hooks.take("all")
        } else if path.hasPrefix("/m/") {
            wait = links.take(Self.client(request, context))
        } else if path.hasPrefix("/api/") {
            wait = api.take(Self.client(request, context))
        } else if path == "/login", request.method == .post {
            let client = Self.client(request, context)
            if let wait = login.take(client, spend: false) { return Self.refusal(wait) }
            let response = try await next(request, context)
            if response.status == .unauthorized || response.status == .forbidden { _ = login.take(client) }
            return response
        } else {
            wait = nil
        }
        guard let wait else { return try await next(request, context) }
        return Self.refusal(wait)
    }

    static func refusal(_ wait: Int) -> Response {
        var response = Responses.text(.tooManyRequests, "too many requests; try again in \(wait) s")
        response.headers[.retryAfter] = String(wait)
        return response
    }

    /// The client's address. Behind a reverse proxy on this machine (a loopback peer) it is the
    /// address the proxy puts in `X-Real-IP` (README: the nginx example sets it).
    static func client(_ request: Request, _ context: Context) -> String {
        let peer = context.remoteAddress?.ipAddress ?? "unknown"
        guard peer == "127.0.0.1" || peer == "::1", let forwarded = request.headers[.init("X-Real-IP")!] else { return peer }
        return String(forwarded.prefix(64))
    }
}
