/// Where a sign-in sends the browser afterwards (`/login?next=`): only a path on this server.
///
/// Browsers drop tabs and newlines from a `Location` and read `\` as `/`, so `/\t/evil.example`
/// leaves the site. A target is kept only when it is made of a strict set of characters and,
/// percent-decoded as often as it can be, still starts with one `/` and holds no `//`, no `\` and
/// no control character; anything else is `/`.
enum SignInTarget {
    private static let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/_-.?=&%")

    /// `next` if it is a safe path on this server, else `/`.
    static func path(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), next.count <= 512, next.allSatisfy(allowed.contains) else { return "/" }
        var decoded = next
        for _ in 0..<4 {
            guard isSafe(decoded) else { return "/" }
            guard let once = decoded.removingPercentEncoding else { return "/" }
            if once == decoded { return next }
            decoded = once
        }
        return "/"
    }

    private static func isSafe(_ text: String) -> Bool {
        text.hasPrefix("/") && !text.contains("//") && !text.contains("\\")
            && !text.unicodeScalars.contains { $0.properties.generalCategory == .control || $0.value == 0x7F }
    }
}
