import Foundation
import LoaChannels
import LoaTesting
import Synchronization
import Testing

/// `loa channels authorize NAME` through the real binary, against a loopback stand-in for Zalo's
/// OAuth v4 token endpoint (gateways.md §2).
@Suite("loa channels authorize")
struct AuthorizeCLITests {
    static func setUp() throws -> (CLI, OAuthFake) {
        let fake = try OAuthFake()
        let cli = try CLI()
        try cli.runner.write("loa.toml", Data("""
            [server]
            public_url = "https://loa.haily.gov.vn"
            hook_secret = "hook-secret-for-tests-0123456789"
            [[channels]]
            name = "zalo"
            kind = "zalo-zns"
            app_id = "3021948576"
            secret_key = "oa-secret-KEY-91c3"
            app_secret = "app-SECRET-5b8f"
            template_id = "245678"
            template_params = { ten = "name" }
            refresh_token = "RT-spent-long-ago"
            oauth_base_url = "\(fake.server.baseURL)"
            [[channels]]
            name = "zalo-oa"
            kind = "zalo-oa"
            app_id = "3021948576"
            secret_key = "oa-secret-KEY-91c3"
            app_secret = "app-SECRET-5b8f"
            refresh_token = "RT-spent-long-ago"
            oauth_base_url = "\(fake.server.baseURL)"
            [[channels]]
            name = "sms"
            kind = "esms"
            api_key = "k"
            secret_key = "s"
            brandname = "UBNDHAILANG"
            free_text = true
            """.utf8))
        return (cli, fake)
    }

    @Test
    func withoutACodeItPrintsThePermissionURL() async throws {
        let (cli, fake) = try Self.setUp()
        let out = try await cli.ok("channels", "authorize", "zalo-oa")
        #expect(out.hasPrefix(fake.server.baseURL + "/v4/oa/permission?app_id=3021948576&redirect_uri=https"))
        #expect(out.contains("loa.haily.gov.vn"))
        #expect(fake.forms.isEmpty, "nothing was asked of Zalo")
    }

    @Test
    func aCodeIsExchangedAndThePairIsSharedByTheAppsChannels() async throws {
        let (cli, fake) = try Self.setUp()
        let result = try await cli.run("channels", "authorize", "zalo", "--code", "CODE-1")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("access token expires") && result.stdout.contains("zalo, zalo-oa"))
        #expect(!(result.stdout + result.stderr).contains("AT-from-code") && !(result.stdout + result.stderr).contains("RT-from-code"))
        let form = try #require(fake.forms.first)
        #expect(form["grant_type"] == "authorization_code" && form["app_id"] == "3021948576" && form["code"] == "CODE-1")
        #expect(form["app_secret"] == nil && fake.secrets == ["app-SECRET-5b8f"])
        // Both channels of the app now show the stored pair, and one webhook URL.
        let listing = try #require(try await cli.json("channels") as? [[String: Any]])
        for name in ["zalo", "zalo-oa"] {
            let entry = try #require(listing.first { $0["name"] as? String == name })
            #expect((entry["health"] as? String)?.hasPrefix("token expires") == true, "\(entry)")
            let webhook = try #require(entry["zalo_webhook"] as? [String: Any])
            #expect(webhook["channels"] as? [String] == ["zalo", "zalo-oa"])
            #expect((webhook["url"] as? String)?.hasPrefix("https://loa.haily.gov.vn/hooks/zalo/") == true)
        }
        #expect((listing.first { $0["name"] as? String == "sms" }?["zalo_webhook"]) is NSNull)
    }

    @Test
    func aRefusedCodeStoresNothing() async throws {
        let (cli, fake) = try Self.setUp()
        let result = try await cli.run("channels", "authorize", "zalo-oa", "--code", "CODE-old")
        #expect(fake.forms.count == 1)
        #expect(result.status == 1)
        #expect(result.stderr.contains("-14005") && result.stderr.contains("nothing was stored"), "\(result.stderr)")
        let listing = try #require(try await cli.json("channels") as? [[String: Any]])
        #expect(listing.first { $0["name"] as? String == "zalo-oa" }?["health"] as? String != nil)
        #expect((listing.first { $0["name"] as? String == "zalo-oa" }?["health"] as? String)?.hasPrefix("token expires") == false)
    }

    @Test
    func tokensComeFromStdinOrTheEnvironmentNeverTheCommandLine() async throws {
        var (cli, fake) = try Self.setUp()
        let literal = try await cli.run("channels", "authorize", "zalo-oa", "--refresh-token", "RT-given")
        #expect(literal.status == 1 && literal.stderr.contains("env:NAME"))
        let stdin = try await cli.run("channels", "authorize", "zalo-oa", "--refresh-token", "-", input: Data("RT-given\n".utf8))
        #expect(stdin.status == 0, "\(stdin.stderr)")
        #expect(fake.forms.last?["grant_type"] == "refresh_token", "a refresh token alone is spent for a fresh pair")
        cli.runner.environment["ZALO_AT"] = "AT-kept"
        cli.runner.environment["ZALO_RT"] = "RT-kept"
        let json = try await cli.run(
            "channels", "authorize", "zalo-oa", "--access-token", "env:ZALO_AT", "--refresh-token", "env:ZALO_RT",
            "--expires-in", "3600", "--format", "json")
        #expect(json.status == 0, "\(json.stderr)")
        let stored = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(stored["app_id"] as? String == "3021948576" && stored["channels"] as? [String] == ["zalo", "zalo-oa"])
        #expect(!json.stdout.contains("AT-kept") && !json.stdout.contains("RT-kept"))
        let expires = try #require((stored["expires_at"] as? String).flatMap { try? Date($0, strategy: .iso8601) })
        #expect(abs(expires.timeIntervalSinceNow - 3600) < 120)
        #expect(fake.forms.count == 1, "given both tokens, Zalo is not asked")
        let missing = try await cli.run("channels", "authorize", "zalo-oa", "--refresh-token", "env:NO_SUCH_VAR")
        #expect(missing.status == 1 && missing.stderr.contains("NO_SUCH_VAR"))
        let notZalo = try await cli.run("channels", "authorize", "sms")
        #expect(notZalo.status == 1)
    }
}

/// Answers Zalo's OAuth token endpoint: code `CODE-1` and refresh token `RT-given` work.
final class OAuthFake: Sendable {
    final class Recorded: Sendable {
        let forms = Mutex<[[String: String]]>([])
        let secrets = Mutex<[String]>([])
    }

    let recorded = Recorded()
    let server: TestHTTPServer

    init() throws {
        let recorded = self.recorded
        server = try TestHTTPServer { request in
            guard request.path == "/v4/oa/access_token" else { return .json(404, "{}") }
            let form = Dictionary(FormEncoding.decode(request.bodyText).map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
            recorded.forms.withLock { $0.append(form) }
            recorded.secrets.withLock { $0.append(request.header("secret_key") ?? "") }
            if form["grant_type"] == "authorization_code", form["code"] == "CODE-1" {
                return .json(200, #"{"access_token":"AT-from-code","refresh_token":"RT-from-code","expires_in":"90000"}"#)
            }
            if form["grant_type"] == "refresh_token", form["refresh_token"] == "RT-given" {
                return .json(200, #"{"access_token":"AT-from-refresh","refresh_token":"RT-from-refresh","expires_in":"90000"}"#)
            }
            return .json(200, #"{"error":-14005,"error_name":"Invalid authorization code"}"#)
        }
    }

    var forms: [[String: String]] { recorded.forms.withLock { $0 } }
    var secrets: [String] { recorded.secrets.withLock { $0 } }
}
