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
        let messages = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("messages:") })
        let counts = messages.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        #expect(counts.count == 3 && counts[0] + counts[1] == 3000, "\(messages)")
        #expect(counts[1] < 150, "about 2 % of SMS are reported undelivered: \(messages)")
        #expect(result.stdout.contains("Reach per hamlet"))
        #expect(result.stdout.contains("they match Loa's counts"), "\(result.stdout)")
        #expect(!result.stdout.contains("warning:"))
        let html = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("HTML report: ") })
        let page = try String(contentsOfFile: String(html.dropFirst("HTML report: ".count)), encoding: .utf8)
        #expect(page.contains("<svg") && page.contains("mục tiêu 80,0%"))
    }
}
