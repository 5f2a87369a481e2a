import Foundation
import Testing

@Suite("loa residents")
struct ResidentsCLITests {
    @Test
    func aMessyExcelExportImportsRowByRow() async throws {
        let cli = try CLI()
        let file = try cli.fixture("messy-excel.csv")
        let report = try #require(try await cli.json("residents", "import", file) as? [String: Any])
        #expect(report["added"] as? Int == 6)
        #expect(report["updated"] as? Int == 0)
        #expect(report["unchanged"] as? Int == 0)
        let rejected = try #require(report["rejected"] as? [[String: Any]])
        #expect(rejected.map { $0["line"] as? Int } == [7, 8, 9])
        let reasons = rejected.compactMap { $0["reason"] as? String }
        #expect(reasons.count == 3)
        #expect(reasons[0].contains("0212345678"))
        #expect(reasons[1].contains("line 2"), "a duplicate names the earlier line: \(reasons[1])")

        let residents = try #require(try await cli.json("residents", "list") as? [[String: Any]])
        #expect(residents.count == 6)
        let phones = Set(residents.compactMap { $0["phone"] as? String })
        #expect(phones == ["+84912345678", "+84987654321", "+84901234567", "+84356789012", "+84977123456", "+84868123456"])
        let an = try #require(residents.first { $0["phone"] as? String == "+84912345678" })
        #expect(an["name"] as? String == "Nguyễn Văn An")
        #expect(an["zalo"] as? String == "8412000000000001")
        #expect(Set(an["groups"] as? [String] ?? []) == ["Hội Nông dân", "Chi bộ"])
        let cuong = try #require(residents.first { $0["phone"] as? String == "+84901234567" })
        #expect(cuong["name"] as? String == "Lê Văn Cường", "names are stored NFC")
        #expect((cuong["name"] as? String)?.unicodeScalars.count == "Lê Văn Cường".unicodeScalars.count)

        let thongNhat = try #require(try await cli.json("residents", "list", "--hamlet", "Thông Nhất") as? [[String: Any]])
        #expect(thongNhat.count == 2, "NFD lower-case 'thông nhất' is the same hamlet")
        let farmers = try #require(try await cli.json("residents", "list", "--group", "hoi nong dan") as? [[String: Any]])
        #expect(farmers.count == 2, "a group typed without accents is found when unambiguous")
    }

    @Test
    func reimportingTheSameFileChangesNothing() async throws {
        let cli = try CLI()
        let file = try cli.fixture("messy-excel.csv")
        _ = try await cli.ok("residents", "import", file)
        let before = try await cli.ok("residents", "list", "--format", "csv")
        let again = try #require(try await cli.json("residents", "import", file) as? [String: Any])
        #expect(again["added"] as? Int == 0)
        #expect(again["updated"] as? Int == 0)
        #expect(again["unchanged"] as? Int == 6)
        #expect(try await cli.ok("residents", "list", "--format", "csv") == before)
    }

    @Test
    func dryRunWritesNothing() async throws {
        let cli = try CLI()
        let file = try cli.fixture("messy-excel.csv")
        let text = try await cli.ok("residents", "import", file, "--dry-run")
        #expect(text.contains("would have added 6"))
        #expect(text.contains("line 7:"))
        let residents = try #require(try await cli.json("residents", "list") as? [Any])
        #expect(residents.isEmpty)
    }

    @Test
    func listingsComeAsAlignedTextAndCSV() async throws {
        let cli = try CLI()
        _ = try await cli.ok("residents", "import", try cli.fixture("messy-excel.csv"))
        let csv = try await cli.ok("residents", "list", "--format", "csv", "--hamlet", "Tân Lập")
        #expect(csv.hasPrefix("id,name,phone,zalo,hamlet,groups\r\n"))
        #expect(csv.contains("Đặng Văn Giang,+84977123456,,Tân Lập,Hội Cựu chiến binh"))
        let text = try await cli.ok("residents", "list", "--hamlet", "tan lap")
        let lines = text.split(separator: "\n")
        #expect(lines.count == 3)
        let phoneColumn = try #require(lines[0].range(of: "phone")).lowerBound.utf16Offset(in: lines[0])
        #expect(lines[1].dropFirst(phoneColumn).hasPrefix("+84"), "columns line up: \(text)")
    }

    @Test
    func badFilesAndNamesAreUserErrors() async throws {
        let cli = try CLI()
        let noPhone = try cli.runner.write("no-phone.csv", Data("name,hamlet\r\nAn,Thôn 1\r\n".utf8))
        let missing = try await cli.run("residents", "import", noPhone)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("phone"), "\(missing.stderr)")
        #expect(missing.stderr.split(separator: "\n").count == 1)
        let absent = try await cli.run("residents", "import", "nowhere.csv")
        #expect(absent.status == 1)
        _ = try await cli.ok("residents", "import", try cli.fixture("messy-excel.csv"))
        let unknown = try await cli.run("residents", "list", "--hamlet", "Nowhere")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("Thông Nhất"), "the error lists known hamlets: \(unknown.stderr)")
        let usage = try await cli.run("residents", "list", "--format", "xml")
        #expect(usage.status == 2)
    }

    @Test
    func theDatabaseComesFromTheEnvironmentOrTheFlag() async throws {
        var cli = try CLI()
        cli.runner.environment["LOA_DB"] = "sqlite:" + cli.runner.directory.appendingPathComponent("env.db").path
        _ = try await cli.ok("residents", "import", try cli.fixture("messy-excel.csv"))
        #expect(FileManager.default.fileExists(atPath: cli.runner.directory.appendingPathComponent("env.db").path))
        #expect(!FileManager.default.fileExists(atPath: cli.runner.directory.appendingPathComponent("loa.db").path))
        let other = try #require(try await cli.json("residents", "list", "--db", "sqlite:other.db") as? [Any])
        #expect(other.isEmpty)
        let before = try #require(try await cli.json("--db", "sqlite:env.db", "residents", "list") as? [Any])
        #expect(before.count == 6, "--db may also come before the subcommand")
    }
}
