import LoaChannels
import LoaConfig
import Testing

/// Each channel's hook secrets (SPEC §4, §5), against values computed apart from Loa
/// (Python's `hmac`: HMAC-SHA256(hook_secret, channel)[:32]; the token key is
/// HMAC-SHA256(hook_secret, channel + "/message-token"), the token HMAC-SHA256(token key, key)[:16]).
@Suite("Hook secrets")
struct HookSecretTests {
    static let master = "hook-master-2b9f"

    @Test
    func eachChannelGetsItsOwnPathSegment() {
        #expect(HookSecret(master: Self.master, channel: "sms").pathSegment == "375e7fcc3aa7343e6e0fad914d993d82")
        #expect(HookSecret(master: Self.master, channel: "zalo").pathSegment == "1c475dbc4fd100c64ddacbbe22712266")
        let sms = HookSecret(master: Self.master, channel: "sms")
        #expect(sms.opens("375e7fcc3aa7343e6e0fad914d993d82"))
        #expect(!sms.opens(HookSecret(master: Self.master, channel: "zalo").pathSegment), "a secret for one channel opens no other")
        #expect(!sms.opens(Self.master) && !sms.opens("") && !sms.opens("375e7fcc3aa7343e6e0fad914d993d8"))
    }

    @Test
    func aTokenVouchesForOneKeyOnOneChannel() {
        let sms = HookSecret(master: Self.master, channel: "sms")
        #expect(sms.token(for: "K1") == "87f837c7c6bda8fd")
        #expect(sms.accepts("87f837c7c6bda8fd", for: "K1"))
        #expect(!sms.accepts("87f837c7c6bda8fd", for: "K2"))
        #expect(!sms.accepts(nil, for: "K1") && !sms.accepts("", for: "K1"))
        #expect(!HookSecret(master: Self.master, channel: "zalo").accepts("87f837c7c6bda8fd", for: "K1"))
        // The path segment, which every gateway sees, is not the token key.
        #expect(sms.token(for: "K1") != String(sms.pathSegment.prefix(HookSecret.tokenLength)))
    }

    @Test
    func listingsMaskThePathSecret() {
        let hooks = HookURLs(publicURL: "https://loa.example.gov.vn/", secret: HookSecret(master: Self.master, channel: "sms"))
        #expect(hooks.status == "https://loa.example.gov.vn/hooks/sms/375e7fcc3aa7343e6e0fad914d993d82/status")
        #expect(hooks.masked.status == "https://loa.example.gov.vn/hooks/sms/••••••/status")
        #expect(hooks.masked.inbound == "https://loa.example.gov.vn/hooks/sms/••••••/inbound")
        #expect(hooks.masked.secret == nil)
    }

    @Test
    func repliesComeOnlyFromTheSendersAChannelCarries() {
        let sms = ReplySender(kind: .kannel)
        let zalo = ReplySender(kind: .zaloOA)
        #expect(sms?.normalized("0912345678") == "+84912345678")
        #expect(sms?.normalized("+15005550006") == "+15005550006")
        #expect(sms?.normalized("2512523625412515") == nil, "a Zalo id is no phone")
        #expect(sms?.normalized("+2512523625412515") == nil, "E.164 has at most 15 digits")
        #expect(zalo?.normalized("2512523625412515") == "2512523625412515")
        #expect(zalo?.normalized("+84912345678") == nil, "a phone is no Zalo user")
        #expect(ReplySender(kind: .webhook) == nil)
    }
}
