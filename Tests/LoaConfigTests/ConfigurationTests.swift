import LoaConfig
import LoaCore
import Testing

@Suite("loa.toml")
struct ConfigurationTests {
    static let full = """
        [commune]
        name = "Xã Hải Lạng"
        timezone = "Asia/Ho_Chi_Minh"
        quiet_hours = "21:00-07:00"
        reach_target = 0.8

        [server]
        listen = "127.0.0.1:8080"
        public_url = "https://loa.example.gov.vn/"
        link_secret = "env:LOA_LINK_SECRET"
        hook_secret = "env:LOA_HOOK_SECRET"

        [[channels]]
        name = "zalo"
        kind = "zalo-zns"
        base_url = "http://127.0.0.1:9000"
        rate = "50/s"
        app_id = "1234"
        oa_id = "5678"
        secret_key = "env:ZALO_SECRET"
        access_token = "at-123"
        template_id = "245678"
        template_params = { title = "title", meeting = "meeting_at" }

        [[channels]]
        name = "sms"
        kind = "esms"
        rate = "600/min"
        api_key = "k"
        secret_key = "s"
        brandname = "UBND HAILANG"
        free_text = true
        fold_diacritics = "always"
        price_per_segment = 800

        [[channels]]
        name = "hook"
        kind = "webhook"
        url = "http://127.0.0.1:9100/notify"
        headers = { Authorization = "env:HOOK_AUTH" }
        """

    static let environment = [
        "LOA_LINK_SECRET": "link-secret-value", "LOA_HOOK_SECRET": "hook-secret-value",
        "ZALO_SECRET": "zalo-secret-value", "HOOK_AUTH": "Bearer xyz",
    ]

    @Test
    func aFullFileIsRead() throws {
        let config = try LoaConfiguration.parse(Self.full, environment: Self.environment)
        #expect(config.commune.name == "Xã Hải Lạng")
        #expect(config.commune.timeZone.identifier == "Asia/Ho_Chi_Minh")
        #expect(config.commune.quietHours == QuietHours(start: 21 * 60, end: 7 * 60))
        #expect(config.server.publicURL == "https://loa.example.gov.vn")
        #expect(config.server.linkSecret?.value == "link-secret-value")
        #expect(config.channels.map(\.name) == ["zalo", "sms", "hook"])
        let zalo = try #require(config.channel(named: "zalo"))
        #expect(zalo.kind == .zaloZNS)
        #expect(zalo.rate?.perSecond == 50)
        #expect(zalo.secrets["secret_key"]?.value == "zalo-secret-value")
        #expect(zalo.settings["template_id"] == "245678")
        #expect(zalo.tables["template_params"]?["meeting"] == "meeting_at")
        let sms = try #require(config.channel(named: "sms"))
        #expect(sms.rate?.perSecond == 10)
        #expect(sms.foldDiacritics == .always)
        #expect(sms.pricePerSegment == 800)
        #expect(sms.effectiveBaseURL == "https://rest.esms.vn")
        #expect(config.channel(named: "hook")?.tables["headers"]?["Authorization"] == "Bearer xyz")
    }

    @Test
    func secretsNeverPrint() throws {
        let config = try LoaConfiguration.parse(Self.full, environment: Self.environment)
        let zalo = try #require(config.channel(named: "zalo"))
        let printed = "\(zalo) \(String(reflecting: zalo)) \(config.server)"
        for secret in ["zalo-secret-value", "at-123", "link-secret-value", "hook-secret-value"] {
            #expect(!printed.contains(secret))
        }
    }

    @Test
    func noFileMeansDefaults() throws {
        let config = try LoaConfiguration.parse("")
        #expect(config.commune.timeZone.identifier == "Asia/Ho_Chi_Minh")
        #expect(config.commune.reachTarget == 0.8)
        #expect(config.channels.isEmpty)
    }

    @Test(arguments: [
        ("[commune]\ntimezone = \"Mars/Olympus\"", "commune.timezone"),
        ("[commune]\nquiet_hours = \"9pm-7am\"", "commune.quiet_hours"),
        ("[commune]\nreach_target = 80", "commune.reach_target"),
        ("[commune]\nnmae = \"x\"", "commune.nmae"),
        ("[server]\nlisten = \"8080\"", "server.listen"),
        ("[server]\nlink_secret = \"env:NOT_SET_ANYWHERE\"", "NOT_SET_ANYWHERE"),
        ("[[channels]]\nname = \"sms\"\nkind = \"carrier-pigeon\"", "channels[0].kind"),
        ("[[channels]]\nname = \"sms\"\nkind = \"esms\"\napi_key = \"k\"\nsecret_key = \"s\"", "channels[0].brandname"),
        ("[[channels]]\nname = \"sms\"\nkind = \"esms\"\napi_key = \"k\"\nsecret_key = \"s\"\nbrandname = \"B\"\nrate = \"fast\"", "channels[0].rate"),
        ("[[channels]]\nname = \"sms\"\nkind = \"kannel\"\nusername = \"u\"\npassword = \"p\"", "channels[0].base_url"),
        ("[[channels]]\nname = \"SMS!\"\nkind = \"webhook\"\nurl = \"http://x\"", "channels[0].name"),
        ("[[channels]]\nname = \"a\"\nkind = \"webhook\"\nurl = \"http://x\"\ntemplate_id = \"1\"", "channels[0].template_id"),
        ("[[channels]]\nname = \"a\"\nkind = \"webhook\"\nurl = \"http://x\"\n[[channels]]\nname = \"a\"\nkind = \"webhook\"\nurl = \"http://y\"", "used twice"),
        ("[commune\nname = 1", "loa.toml:1"),
    ])
    func badConfigurationsNameTheKey(text: String, named: String) {
        do {
            _ = try LoaConfiguration.parse(text, environment: [:])
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.description.contains(named), "\(error.description)")
        }
    }

    /// A channel that would load and then fail every message (or every receipt) is refused at start.
    static let zns = """
        [[channels]]
        name = "zalo"
        kind = "zalo-zns"
        app_id = "1234"
        access_token = "at"
        template_id = "245678"

        """

    @Test(arguments: [
        (zns + "template_params = { ten = \"name\" }", "channels[0].secret_key: is required for kind zalo-zns (channel 'zalo')"),
        (zns + "secret_key = \"s\"", "channels[0].template_params: is required for kind zalo-zns (channel 'zalo')"),
        (zns + "secret_key = \"s\"\ntemplate_params = {}", "channels[0].template_params: is required"),
        ("[[channels]]\nname = \"oa\"\nkind = \"zalo-oa\"\napp_id = \"1\"\naccess_token = \"at\"", "channels[0].secret_key: is required for kind zalo-oa (channel 'oa')"),
        ("[[channels]]\nname = \"sms\"\nkind = \"speedsms\"\naccess_token = \"t\"\nsms_type = \"3\"", "channels[0].sender: is required for kind speedsms (channel 'sms') with sms_type = \"3\""),
        ("[[channels]]\nname = \"sms\"\nkind = \"speedsms\"\naccess_token = \"t\"\nsms_type = \"3\"\nsender = \"\"", "channels[0].sender"),
        ("[[channels]]\nname = \"sms\"\nkind = \"esms\"\napi_key = \"k\"\nsecret_key = \"s\"", "channels[0].brandname: is required for kind esms (channel 'sms')"),
        ("[[channels]]\nname = \"oa\"\nkind = \"zalo-oa\"\napp_id = \"1\"\nsecret_key = \"s\"", "channels[0].access_token: one of access_token, refresh_token, app_secret is required for kind zalo-oa (channel 'oa')"),
    ])
    func channelsThatCannotWorkAreRefused(text: String, message: String) {
        do {
            _ = try LoaConfiguration.parse(text, environment: [:])
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.description.contains(message), "\(error.description)")
            #expect(!error.description.contains("\n"), "one line: \(error.description)")
        }
    }

    @Test(arguments: [
        zns + "secret_key = \"s\"\ntemplate_params = { ten = \"name\", nut_xac_nhan = \"link\" }",
        "[[channels]]\nname = \"oa\"\nkind = \"zalo-oa\"\napp_id = \"1\"\nrefresh_token = \"rt\"\nsecret_key = \"s\"",
        // A new OA before its first `loa channels authorize`: the app secret alone.
        "[[channels]]\nname = \"oa\"\nkind = \"zalo-oa\"\napp_id = \"1\"\napp_secret = \"as\"\nsecret_key = \"s\"",
        "[[channels]]\nname = \"sms\"\nkind = \"speedsms\"\naccess_token = \"t\"\nsms_type = \"3\"\nsender = \"UBND XA\"\nfree_text = true",
        "[[channels]]\nname = \"sms\"\nkind = \"speedsms\"\naccess_token = \"t\"\nsms_type = \"2\"\nfree_text = true",
    ])
    func completeChannelsLoad(text: String) throws {
        #expect(try LoaConfiguration.parse(text, environment: [:]).channels.count == 1)
    }

    @Test(arguments: [("50/s", 50.0), ("600/min", 10.0), ("3600/h", 1.0), ("2.5/s", 2.5)])
    func ratesAreParsed(text: String, perSecond: Double) throws {
        #expect(try #require(SendRate(parsing: text)).perSecond == perSecond)
    }
}
