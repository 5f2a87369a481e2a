import Foundation
import Testing

@Suite("loa demo")
struct DemoCLITests {
    @Test
    func theDemoSendsTheConvocationAndFallsBackExactlyForResidentsWithoutZalo() async throws {
        let cli = try CLI()
        let result = try await cli.run("demo", "--no-zalo-share", "0.3")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("imported 3000 residents"))
        let fallback = try #require(
            result.stdout.split(separator: "\n").first { $0.hasPrefix("fallback:") }.map(String.init))
        let numbers = fallback.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        // "the simulator gives N residents no Zalo account; Zalo refused N with -118 … (N fallbacks)"
        #expect(numbers.count >= 4)
        #expect(numbers[0] > 700 && numbers[0] < 1100, "about 30 % of 3000: \(fallback)")
        #expect(numbers[1] == numbers[0] && numbers.last == numbers[0], "\(fallback)")
        #expect(result.stdout.contains("messages: 3000 taken by a gateway, 0 failed"))
        #expect(!result.stdout.contains("warning:"))
    }
}
