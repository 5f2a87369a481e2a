import ArgumentParser
import Foundation
import LoaCore
import LoaServer
import LoaStore

/// `loa residents import FILE` (SPEC §3, §6).
struct ResidentsImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import residents from an .xlsx workbook (its first sheet) or a CSV file.",
        discussion: """
            Headers (case and accents ignored): name/họ tên, phone/số điện thoại/sđt, zalo, \
            hamlet/thôn/ấp/tổ, groups/nhóm (separated by ; or |), channels. A row whose phone \
            already exists updates that resident; re-importing the same file changes nothing. \
            Title rows above the header are skipped; an .xlsx file (told by its content) is read from \
            its first sheet and rejections name the sheet's row numbers.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    @Argument(help: "The .xlsx or CSV file ('-' reads standard input).")
    var file: String

    @Flag(help: "Check the file and count what would change, without writing anything.")
    var dryRun = false

    func run() async throws {
        let bytes = try readInput()
        let parsed: ResidentCSVResult
        do {
            parsed = try ResidentFile.parse(bytes)
        } catch {
            throw UserError("\(file): \(error)")
        }
        let store = try await global.store()
        let bar = parsed.residents.count >= 5000 ? ProgressBar("importing", total: parsed.residents.count) : nil
        let counts = try await store.importResidents(
            parsed.residents, columns: parsed.columns, dryRun: dryRun, actor: Actor.cli,
            progress: { bar?.update($0) })
        bar?.finish()
        let unit = ResidentFile.kind(of: bytes) == .xlsx ? "row" : "line"
        let report = ImportReport(counts: counts, rejected: parsed.rejections, dryRun: dryRun)
        switch output.format {
        case .json:
            try JSONOutput.print(report)
        case .csv:
            var listing = Listing([unit, "reason"])
            for rejection in parsed.rejections { listing.append([String(rejection.line), rejection.reason]) }
            Terminal.out(listing.csv)
            Terminal.info(report.summary)
        case .text:
            for rejection in parsed.rejections { Terminal.out("\(unit) \(rejection.line): \(rejection.reason)") }
            for header in parsed.ignoredHeaders { Terminal.info("note: ignored column '\(header)'") }
            Terminal.out(report.summary)
        }
    }

    private func readInput() throws -> [UInt8] {
        if file == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw UserError("cannot read \(file)")
        }
        return Array(data)
    }
}
