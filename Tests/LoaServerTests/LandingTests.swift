import Foundation
import LoaHTTP
import Testing

/// The public page at `/` and Zalo's domain-verification file (gateways.md §13), on a real server.
@Suite("Landing page and Zalo domain verification")
struct LandingTests {
    static let code = "MeVd6Dce_Sp-upfjWIx0"

    @Test
    func theHomePageIsPublicCarriesTheMetaTagAndLinksToSignIn() async throws {
        let server = try await ServerHarness.start(serverExtra: "zalo_site_verification = \"\(Self.code)\"")
        let response = try await server.request(.get, "/")
        #expect(response.status == 200, "no redirect to the sign-in page: Zalo reads this page")
        #expect(response.headers["Location"] == nil)
        let html = String(decoding: response.body, as: UTF8.self)
        #expect(html.contains("<meta name=\"zalo-platform-site-verification\" content=\"\(Self.code)\" />"))
        #expect(html.contains("Xã Hải Lạng") && html.contains("lang=\"vi\"") && html.contains("href=\"/login\""))
        #expect(html.contains("người dân") && !html.contains("<script"))
        #expect(response.headers["X-Content-Type-Options"] == "nosniff" && response.headers["X-Frame-Options"] == "DENY")
        #expect(response.headers["Content-Security-Policy"]?.contains("frame-ancestors 'none'") == true)
        let english = String(decoding: try await server.request(.get, "/?lang=en").body, as: UTF8.self)
        #expect(english.contains("Staff sign-in") && english.contains(Self.code))
        // Zalo's OAuth consent lands here with ?code=…: the page shows the command, escaped.
        let consent = String(decoding: try await server.request(.get, "/?code=AbC-123%3Cb%3E&oa_id=4417283910").body, as: UTF8.self)
        #expect(consent.contains("loa channels authorize KÊNH --code AbC-123&lt;b&gt;") && !consent.contains("<b>"))
        await server.stop()
    }

    @Test
    func theVerificationFileAnswersForItsCodeOnly() async throws {
        let server = try await ServerHarness.start(serverExtra: "zalo_site_verification = \"\(Self.code)\"")
        let file = try await server.request(.get, "/zalo_verifier\(Self.code).html")
        #expect(file.status == 200)
        #expect(file.headers["Content-Type"]?.hasPrefix("text/html") == true)
        #expect(file.headers["X-Content-Type-Options"] == "nosniff")
        let html = String(decoding: file.body, as: UTF8.self)
        #expect(html.contains("<meta property=\"zalo-platform-site-verification\" content=\"\(Self.code)\" />"))
        for other in ["/zalo_verifierWRONG.html", "/zalo_verifier\(Self.code)x.html", "/zalo_verifier.html"] {
            #expect(try await server.request(.get, other).status == 404, "\(other)")
        }
        await server.stop()
    }

    @Test
    func withoutACodeTheHomePageHasNoTagAndNoFileIsServed() async throws {
        let server = try await ServerHarness.start()
        let response = try await server.request(.get, "/")
        #expect(response.status == 200)
        #expect(!String(decoding: response.body, as: UTF8.self).contains("zalo-platform-site-verification"))
        #expect(try await server.request(.get, "/zalo_verifier\(Self.code).html").status == 404)
        await server.stop()
    }

    @Test
    func aSignedInStaffMemberStillGetsTheDashboardAtTheRoot() async throws {
        let server = try await ServerHarness.start(serverExtra: "zalo_site_verification = \"\(Self.code)\"")
        let token = try await SessionClient.token(server, .auditor, label: "kiem-tra")
        var browser = try await SessionClient(server)
        _ = try await browser.signIn(token)
        let page = String(decoding: try await browser.get("/").body, as: UTF8.self)
        #expect(page.contains(server.notice.id), "the notice list, not the landing page")
        #expect(page.contains("/logout"))
        await server.stop()
    }
}
