import Foundation

extension BrowserSession {
    /// Makes the browser send `Origin: <origin>` on every request, through DevTools' extra headers.
    /// Only for carrying on past a server that refuses the `Origin: null` Chrome sends from pages
    /// served with `Referrer-Policy: no-referrer`, after that refusal has been recorded as a failure.
    func sendOwnOrigin(_ origin: String) async throws {
        try await devTools("Network.enable")
        try await devTools("Network.setExtraHTTPHeaders", ["headers": ["Origin": origin]])
    }
}
