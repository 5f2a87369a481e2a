import Crypto
import Foundation
import LoaCore
import LoaHTTP
import LoaStore
import Testing

/// SPEC §2, §8: callbacks arrive late, twice and out of order, and none of that changes the
/// outcome. For each dialect that calls back, every order of every choice of its progress,
/// delivered and failed reports — each with one report repeated at every place — is posted to the
/// real hooks in the vendor's wire shape (`DialectReports`), one message per order; every order of
/// one choice must end in the same state, the state the SPEC's rule gives, and the report must
/// count exactly those states.
@Suite("Callbacks in every order", .serialized)
struct CallbackOrderTests {
    @Test(arguments: DialectReports.all)
    func everyOrderEndsTheSame(_ dialect: DialectReports) async throws {
        let orders = Self.orders(of: dialect.reports.indices.map { $0 })
        let residents = (0..<orders.count).map { index in
            ResidentInput(
                name: "Cư dân \(index)", phone: Residents.phone("0912" + String(format: "%06d", 400_000 + index)),
                zaloID: String(8_412_000_000_500_000 + index), hamlet: "Thôn Thử", groups: ["Thử thứ tự"])
        }
        let server = try await ServerHarness.start(extraChannels: DialectReports.channels, moreResidents: residents)
        let targets = try await Self.send(on: dialect.channel, to: residents.count, server)

        var expected = ReachCounts()
        var finals: [[Int]: Set<MessageState>] = [:]
        for (order, target) in zip(orders, targets) {
            for index in order {
                let call = dialect.reports[index].call(target, server.base)
                let response = try await server.request(call.method, call.path, headers: call.headers, body: call.body)
                #expect(response.status == 200, "\(dialect.reports[index].label): \(String(decoding: response.body, as: UTF8.self))")
            }
            let final = try await server.store.messages(notice: target.notice).first { $0.id == target.message }?.state
            let oracle = Self.oracle(order.map { dialect.reports[$0].state })
            #expect(final == oracle, "\(dialect.channel): \(order.map { dialect.reports[$0].label }) ended \(String(describing: final))")
            finals[Array(Set(order)).sorted(), default: []].insert(final ?? .queued)
            expected.add(oracle)
        }
        for (choice, states) in finals {
            #expect(states.count == 1, "\(dialect.channel) \(choice.map { dialect.reports[$0].label }): \(states)")
        }
        let report = try await server.store.report(notice: try #require(targets.first).notice, by: nil, reachTarget: 0.8)
        #expect(report.totals == expected)
        await server.stop()
    }

    /// SPEC §2 restated: the best evidence of delivery wins; without any, a failure stands over
    /// any progress report; otherwise the gateway took it.
    static func oracle(_ states: [MessageState]) -> MessageState {
        let delivery = states.filter { [.delivered, .opened, .acknowledged].contains($0) }.max { $0.rank < $1.rank }
        return delivery ?? (states.contains(.failed) ? .failed : .accepted)
    }

    /// Every order of every non-empty choice of `reports`, alone and with one report repeated at
    /// every later place.
    static func orders(of reports: [Int]) -> [[Int]] {
        var result: Set<[Int]> = []
        for mask in 1..<(1 << reports.count) {
            let choice = reports.filter { mask & (1 << $0) != 0 }
            for order in permutations(choice) {
                result.insert(order)
                for (position, report) in order.enumerated() {
                    for place in (position + 1)...order.count {
                        var repeated = order
                        repeated.insert(report, at: place)
                        result.insert(repeated)
                    }
                }
            }
        }
        return result.sorted { $0.lexicographicallyPrecedes($1) }
    }

    static func permutations(_ items: [Int]) -> [[Int]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { index in
            var rest = items
            let first = rest.remove(at: index)
            return permutations(rest).map { [first] + $0 }
        }
    }

    /// A convocation to the `count` extra residents on `channel`, each message accepted with gateway
    /// id `G<message id>` as a send through that channel would leave it.
    static func send(on channel: String, to count: Int, _ server: ServerHarness) async throws -> [DialectReports.Target] {
        let (notice, jobs) = try await server.send(on: channel, refPrefix: "G", to: [.group("Thử thứ tự")])
        #expect(jobs.count == count)
        return jobs.values.sorted { $0.messageID < $1.messageID }.map { DialectReports.target($0, notice: notice) }
    }
}

extension ReachCounts {
    /// Counts one message that ended in `state`, as SPEC §3 counts up the ladder.
    mutating func add(_ state: MessageState) {
        targeted += 1
        if state == .failed { failed += 1 }
        if state.rank >= MessageState.accepted.rank { accepted += 1 }
        if state.rank >= MessageState.delivered.rank { delivered += 1 }
        if state.rank >= MessageState.opened.rank { opened += 1; reached += 1 }
        if state == .acknowledged { acknowledged += 1 }
    }
}
