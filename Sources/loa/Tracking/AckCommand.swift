import ArgumentParser
import Foundation
import LoaCore
import LoaStore

/// `loa ack ID --resident PHONE --via in-person|phone-call` (SPEC §3): an acknowledgement staff
/// gathered off-line, recorded with who entered it and when.
struct AckCommand: AsyncParsableCommand {
    enum Via: String, ExpressibleByArgument, CaseIterable {
        case inPerson = "in-person"
        case phoneCall = "phone-call"
    }

    static let configuration = CommandConfiguration(
        commandName: "ack", abstract: "Record an acknowledgement gathered in person or by phone.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The notice id (N-…).")
    var id: String

    @Option(help: "The resident's phone number.")
    var resident: String

    @Option(help: "How it was gathered: in-person or phone-call.")
    var via: Via

    func run() async throws {
        let phone: PhoneNumber
        do { phone = try PhoneNumber(parsing: resident) } catch { throw UserError("--resident: \(error)") }
        let store = try await global.store()
        guard let notice = try await store.notice(id: id.uppercased()) else { throw UserError("no notice with id '\(id)'") }
        guard let result = try await store.acknowledge(notice: notice.id, phone: phone, via: via.rawValue, actor: Actor.cli, at: Date())
        else { throw UserError("\(phone.national) was not targeted by \(notice.id)") }
        switch result {
        case .recorded: Terminal.out("acknowledged: \(notice.id) \(phone.national) via \(via.rawValue)")
        case .already(_, let at):
            let zone = try global.configuration().commune.timeZone
            Terminal.out("already acknowledged\(at.map { " at " + TimeText.short($0, in: zone) } ?? "")")
        case .closed(_, let state): throw UserError("\(notice.id) can no longer be acknowledged by \(phone.national): message is \(state.rawValue)")
        }
    }
}
