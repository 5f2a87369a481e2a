import LoaCore
import Testing

@Suite("Resident CSV")
struct ResidentCSVTests {
    private func parse(_ text: String) throws -> ResidentCSVResult {
        try ResidentCSVReader.parse(Array(text.utf8))
    }

    @Test("The messy Excel export, row by row", arguments: MessyExcelFixture.expectations.indices)
    func messyExcel(index: Int) throws {
        let result = try ResidentCSVReader.parse(MessyExcelFixture.bytes)
        let (line, outcome) = MessyExcelFixture.expectations[index]
        switch outcome {
        case .accepted(let phone, let name, let hamlet, let groups, let zalo):
            let resident = try #require(result.residents.first { $0.line == line })
            #expect(resident.phone.e164 == phone)
            #expect(resident.name.unicodeScalars.elementsEqual(name.unicodeScalars))
            #expect(resident.hamlet?.unicodeScalars.elementsEqual((hamlet ?? "").unicodeScalars) ?? (hamlet == nil))
            #expect(resident.groups == groups)
            #expect(resident.zaloID == zalo)
        case .rejected(let reason):
            let rejection = try #require(result.rejections.first { $0.line == line })
            #expect(rejection.reason.contains(reason), "\(rejection.reason)")
        }
    }

    @Test("The messy Excel export as a whole")
    func messyExcelSummary() throws {
        let result = try ResidentCSVReader.parse(MessyExcelFixture.bytes)
        let lines = (result.residents.map(\.line) + result.rejections.map(\.line)).sorted()
        #expect(lines == MessyExcelFixture.expectations.map(\.line))
        #expect(result.columns == [.hamlet, .groups, .zalo])
        #expect(result.ignoredHeaders == ["Ghi chú"])
    }

    @Test("Header names in any case and accent, with Vietnamese aliases", arguments: [
        "name,phone", "Họ và tên,Số điện thoại", "HO TEN,SDT", "Tên,SĐT", "họ  tên,điện thoại", "Full name,Mobile",
        "Ho va ten (*),So dien thoai (*)", "ho_va_ten,so_dien_thoai",
    ])
    func headerAliases(header: String) throws {
        let result = try parse(header + "\nAn,0912345678\n")
        #expect(result.residents.count == 1)
    }

    @Test("Optional columns are reported", arguments: [
        ("name,phone", ResidentColumns()),
        ("name,phone,zalo_id", .zalo),
        ("name,phone,Zalo ID,Thôn/Ấp,Nhóm,Kênh", .all),
        ("name,phone,xóm,groups", [.hamlet, .groups]),
        ("name,phone,Khu phố,channels", [.hamlet, .channels]),
        ("name,phone,Tổ,ấp", nil),
    ] as [(String, ResidentColumns?)])
    func optionalColumns(header: String, columns: ResidentColumns?) throws {
        if let columns {
            #expect(try parse(header + "\n").columns == columns)
        } else {
            #expect(throws: ResidentCSVError.duplicateColumn(field: "hamlet", first: "Tổ", second: "ấp")) {
                try parse(header + "\n")
            }
        }
    }

    @Test("Missing required columns name what is missing and list the headers")
    func missingColumns() {
        #expect(throws: ResidentCSVError.missingColumns(missing: ["phone"], found: ["Họ tên", "Địa chỉ"])) {
            try parse("Họ tên;Địa chỉ;;\nAn;Xóm 1;;\n")
        }
        let error = ResidentCSVError.missingColumns(missing: ["name", "phone"], found: ["a"])
        #expect(error.description.contains("missing columns: name (name, họ tên"))
        #expect(error.description.contains("headers found: ‘a’"))
    }

    @Test("Empty files have no header", arguments: ["", "\u{FEFF}", "\r\n\r\n"])
    func noHeader(text: String) {
        #expect(throws: ResidentCSVError.noHeader) { try parse(text) }
    }

    @Test("Groups and channels are split, trimmed, NFC and deduplicated")
    func lists() throws {
        let semicolon = try parse(
            "name;phone;groups;channels\nAn;0912345678;\"Hội Nông dân, Đoàn TN | hội nông dân;;Ho\u{0323}i Phụ nữ\";\" Zalo ; SMS|zalo\"\n")
        #expect(semicolon.residents.first?.groups == ["Hội Nông dân", "Đoàn TN", "Họi Phụ nữ"])
        #expect(semicolon.residents.first?.channels == ["zalo", "sms"])
        let comma = try parse("name,phone,groups\nAn,0912345678,\"a;b|c, d\"\n")
        #expect(comma.residents.first?.groups == ["a", "b", "c, d"])
    }

    @Test("Several problems on one row are all given")
    func combinedReasons() throws {
        let result = try parse("name,phone\n ,0212345678\n")
        #expect(result.rejections == [ResidentRejection(
            line: 2, reason: "missing name; ‘0212345678’ is not a Vietnamese mobile number: prefix 021 is not a mobile prefix (it is a landline area code)")])
    }

    @Test("Short rows are tolerated; a missing phone cell is reported")
    func shortRows() throws {
        let result = try parse("phone,name,hamlet\n0912345678,An\n0987654321\n")
        #expect(result.residents.map(\.line) == [2])
        #expect(result.residents.first?.hamlet == nil)
        #expect(result.rejections == [ResidentRejection(line: 3, reason: "missing name")])
        #expect(try parse("name,phone\nAn\n").rejections.first?.reason == "missing phone number")
    }

    @Test("A row with invalid UTF-8 is rejected and the rest is read")
    func invalidUTF8Row() throws {
        let bytes = Array("name,phone\n".utf8) + [0x4C, 0xEA, 0x2C, 0x30, 0x0A] + Array("An,0912345678\n".utf8)
        let result = try ResidentCSVReader.parse(bytes)
        #expect(result.residents.map(\.line) == [3])
        #expect(result.rejections.first?.line == 2)
        #expect(result.rejections.first?.reason.contains("not UTF-8") == true)
    }

    @Test("An unclosed quote fails the import")
    func unclosedQuote() {
        #expect(throws: ResidentCSVError.unreadable(.unterminatedQuote(line: 3, recordLine: 3))) {
            try parse("name,phone\nAn,0912345678\n\"Bình,0987654321\n")
        }
    }

    @Test("Batches stream the file with rising progress")
    func batches() throws {
        var text = "name,phone\n"
        for index in 0..<5 { text += "Người \(index),09123456\(70 + index)\n" }
        var reader = try ResidentCSVReader(bytes: Array(text.utf8))
        var sizes: [Int] = []
        var progress: [Double] = []
        while let batch = try reader.nextBatch(maxRows: 2) {
            sizes.append(batch.residents.count + batch.rejections.count)
            progress.append(batch.progress)
        }
        #expect(sizes == [2, 2, 1])
        #expect(progress == progress.sorted())
        #expect(progress.last == 1)
        #expect(try reader.nextBatch() == nil)
    }
}
