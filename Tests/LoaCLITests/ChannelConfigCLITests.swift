import Foundation
import Testing

/// A channel that cannot work stops `loa` at start with one line naming the channel and the key.
@Suite("loa refuses channels that cannot work")
struct ChannelConfigCLITests {
    static let znsWithoutSecret = """
        [[channels]]
        name = "zalo"
        kind = "zalo-zns"
        app_id = "1234"
        access_token = "at"
        template_id = "245678"
        template_params = { ten = "name", tieu_de = "title", nut_xac_nhan = "link" }
        """

    @Test(arguments: [["run", "--until-idle", "--no-server"], ["channels"], ["channels", "--format", "json"]])
    func aZaloChannelWithoutItsSecretIsOneClearLine(arguments: [String]) async throws {
        let cli = try CLI()
        _ = try cli.runner.write("loa.toml", Data(Self.znsWithoutSecret.utf8))
        let result = try await cli.runner.run(arguments)
        #expect(result.status == 1, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("loa.toml: channels[0].secret_key: is required for kind zalo-zns (channel 'zalo')"))
        #expect(result.stdout.isEmpty)
    }
}
