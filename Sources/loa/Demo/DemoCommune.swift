import Foundation
import LoaConfig
import LoaCore
import LoaSimulator
import LoaStore

/// The demo's commune: residents from the bundled CSV, channels pointing at the simulator.
enum DemoCommune {
    /// `--residents`, else the bundled file found beside the executable's package, where the Debian
    /// package puts it (`/usr/bin/loa` → `/usr/share/loa/demo/`) or in the working directory
    /// (`scripts/demo` runs from the repository).
    static func residentsFile(_ given: String?) throws -> String {
        if let given { return given }
        let relative = "Fixtures/demo/commune.csv"
        // argv[0] is a bare `loa` when found through PATH: ask the system where the executable is.
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var directory = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            for inside in [relative, "share/loa/demo/commune.csv"] {
                let candidate = directory.appendingPathComponent(inside).path
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
            }
            directory.deleteLastPathComponent()
        }
        if FileManager.default.fileExists(atPath: relative) { return relative }
        throw UserError("cannot find \(relative); give a residents file with --residents FILE")
    }

    static func importResidents(from path: String, into store: any Store) async throws -> (count: Int, hamlets: Int) {
        guard let data = FileManager.default.contents(atPath: path) else { throw UserError("cannot read \(path)") }
        let parsed = try ResidentCSVReader.parse(Array(data))
        let counts = try await store.importResidents(parsed.residents, columns: parsed.columns, actor: "demo")
        return (counts.added + counts.updated + counts.unchanged, try await store.hamlets().count)
    }

    /// The channels, as a commune would write them in `loa.toml` (kept with `--keep`).
    static func configurationText(
        simulator options: SimulatorOptions, baseURL: String, serverPort: Int, hookSecret: String
    ) -> String {
        """
        [commune]
        name = "Xã Hải Lạng (mô phỏng)"
        timezone = "Asia/Ho_Chi_Minh"
        # The demo runs at any hour; a real commune keeps its quiet hours.
        quiet_hours = "none"
        reach_target = 0.8

        [server]
        listen = "127.0.0.1:\(serverPort)"
        public_url = "http://127.0.0.1:\(serverPort)"
        hook_secret = "\(hookSecret)"

        [[channels]]
        name = "zalo"
        kind = "zalo-zns"
        base_url = "\(baseURL)"
        rate = "500/s"
        app_id = "\(options.zalo.appID)"
        oa_id = "\(options.zalo.oaID)"
        secret_key = "\(options.zalo.secretKey)"
        access_token = "\(options.zalo.accessToken)"
        template_id = "245881"
        # A resident whose phone shows no receipt in time gets the SMS too (30m unless set; short for the demo).
        receipt_timeout = "10s"
        # The button is registered as {public_url}/m/<nut_xac_nhan>: it takes the link token alone (gateways.md §13).
        template_params = { ho_ten = "name", tieu_de = "title", thoi_gian = "meeting_at", dia_diem = "place", ma_xac_nhan = "short_code", nut_xac_nhan = "link_token" }

        [[channels]]
        name = "sms"
        kind = "esms"
        base_url = "\(baseURL)"
        rate = "300/s"
        api_key = "\(options.esms.apiKey)"
        secret_key = "\(options.esms.secretKey)"
        brandname = "UBND XA"
        fold_diacritics = "auto"
        price_per_segment = 800
        # Customer-care brandname SMS (tin CSKH) must match a text registered with the carriers
        # (mẫu tin đăng ký): the literal text goes out as written, and the first template whose
        # placeholders all have values is used. {name:30} is a slot registered for 30 characters.
        [[channels.templates]]
        name = "hop"
        text = "UBND {commune} moi ong/ba {name:30} du {title} luc {meeting_at} tai {place}. Xac nhan: {link}"
        [[channels.templates]]
        name = "thong-bao"
        text = "UBND {commune} thong bao: {title}. Chi tiet: {link}"
        """
    }

    /// Tomorrow's 08:00 village meeting, asking everyone to confirm.
    static func convocation(zone: TimeZone, now: Date = Date()) throws -> NoticeDraft {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let tomorrow = calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: now)) ?? now
        let meeting = calendar.date(byAdding: .hour, value: 8, to: tomorrow) ?? tomorrow
        return NoticeDraft(
            kind: .convocation, title: "Họp dân về kế hoạch phòng chống bão",
            body: "Kính mời ông/bà đến dự họp dân bàn kế hoạch phòng chống bão và di dời hộ ở vùng trũng. "
                + "Đề nghị mỗi hộ cử một người tham dự.",
            audience: [.all], channels: try ChannelPolicy(parsing: "zalo>sms"), sendAt: now,
            meetingAt: meeting, place: "Nhà văn hóa thôn", reminders: [.seconds(7200)], createdBy: "demo")
    }
}
