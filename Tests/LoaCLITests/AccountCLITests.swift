import Foundation
import LoaCore
import LoaServer
import LoaStore
import LoaTesting
import Testing

/// `loa account create|list|disable|enable|password` (issue 19).
@Suite("loa account", .serialized)
struct AccountCLITests {
    @Test
    func theFirstAdminAndOthersAreCreatedListedDisabledAndGivenPasswords() async throws {
        let cli = try CLI()
        _ = try await cli.ok("residents", "import", try cli.fixture("messy-excel.csv"))
        let created = try #require(
            try await cli.json("account", "create", "--role", "admin", "--phone", "0912 333 000", "--name", "Chủ tịch xã") as? [String: Any])
        #expect(Set(created.keys) == ["id", "phone", "name", "role", "scopes", "password"])
        #expect(created["phone"] as? String == "+84912333000" && created["role"] as? String == "admin")
        let generated = try #require(created["password"] as? String)
        #expect(generated.count == 12)

        let typed = try await cli.run(
            "account", "create", "--role", "sender", "--phone", "0912333111", "--name", "Trưởng thôn", "--scope", "group:hội nông dân",
            "--password-stdin", input: Data("mat-khau-thon-1\n".utf8))
        #expect(typed.status == 0 && typed.stdout.isEmpty, "a typed password is never printed: \(typed.stderr)")

        for (arguments, input, words) in [
            (["--role", "admin", "--phone", "0912333000", "--name", "Lặp"], nil as String?, "already has an account"),
            (["--role", "sender", "--phone", "0912333222", "--name", "Không phạm vi"], nil, "a sender needs"),
            (["--role", "admin", "--phone", "123", "--name", "Sai số"], nil, "phone '123'"),
            (["--role", "auditor", "--phone", "0912333222", "--name", "Ngắn", "--password-stdin"], "ngan\n", "at least 8"),
            (["--role", "auditor", "--phone", "0912333222", "--name", "Số", "--password-stdin"], "0912333222\n", "cannot be the phone"),
        ] {
            let result = try await cli.runner.run(["account", "create"] + arguments, input: input.map { Data($0.utf8) })
            #expect(result.status == 1 && result.stderr.contains(words), "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "one line")
        }

        let listed = try #require(try await cli.json("account", "list") as? [[String: Any]])
        #expect(listed.map { $0["phone"] as? String } == ["+84912333000", "+84912333111"], "refusals stored nothing")
        #expect(listed[1]["scopes"] as? [String] == ["group:Hội Nông dân"] && listed[1]["disabled"] is NSNull)
        let csv = try await cli.ok("account", "list", "--format", "csv")
        #expect(csv.hasPrefix("id,phone,name,role,scopes,password,created,disabled") && !csv.contains("$2"))

        #expect(try await cli.ok("account", "disable", "0912333111").isEmpty)
        let after = try #require(try await cli.json("account", "list") as? [[String: Any]])
        #expect(after[1]["disabled"] is String)
        _ = try await cli.ok("account", "enable", "+84912333111")
        let reset = try await cli.ok("account", "password", "0912333111").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(reset.count == 12)
        let missing = try await cli.run("account", "disable", "0999888777")
        #expect(missing.status == 1 && missing.stderr.contains("no account with phone +84999888777"))

        let store = try await StoreLocation.sqlite(path: cli.runner.directory.appendingPathComponent("loa.db").path).open()
        let admin = try #require(try await store.account(phone: try PhoneNumber(parsing: "0912333000")))
        #expect(try await Passwords.verify(generated, hash: admin.passwordHash))
        let sender = try #require(try await store.account(phone: try PhoneNumber(parsing: "0912333111")))
        #expect(try await Passwords.verify(reset, hash: sender.passwordHash) && sender.disabledAt == nil)
        let audit = try await store.auditLog(limit: 20).filter { $0.action.hasPrefix("account.") }.map(\.action)
        #expect(audit == ["account.password", "account.enable", "account.disable", "account.create", "account.create"])
    }
}
