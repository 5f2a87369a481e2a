import Foundation

/// Finds the repository's `Fixtures/` directory without SwiftPM resources.
///
/// Order: the `LOA_FIXTURES` environment variable (the `Fixtures` directory itself); else the
/// nearest ancestor of the calling test file that holds `Fixtures/channels`, first along the path
/// as written and then with symbolic links resolved (scratch packages link test folders in).
public enum FixtureLocator {
    /// The environment variable that overrides the search.
    public static let environmentKey = "LOA_FIXTURES"

    /// The `Fixtures` directory for a test file at `filePath` (pass `#filePath`).
    public static func fixturesDirectory(
        from filePath: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(FixtureError) -> URL {
        if let override = environment[environmentKey], !override.isEmpty {
            let url = URL(fileURLWithPath: override, isDirectory: true)
            guard isDirectory(url) else {
                throw FixtureError("\(environmentKey)=\(override) is not a directory")
            }
            return url
        }
        let file = URL(fileURLWithPath: filePath)
        for start in [file, file.resolvingSymlinksInPath()] {
            if let found = search(upFrom: start.deletingLastPathComponent()) { return found }
        }
        throw FixtureError(
            "no Fixtures/channels directory above \(filePath); set \(environmentKey) to the Fixtures directory")
    }

    /// The contents of `relativePath` under the fixtures' `channels` directory.
    public static func channelFixture(_ relativePath: String, from filePath: String) throws(FixtureError) -> Data {
        let url = try fixturesDirectory(from: filePath).appendingPathComponent("channels/" + relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw FixtureError("cannot read fixture \(url.path)")
        }
        return data
    }

    /// One fixture table: its default channel kind (the folder's name) and each case decoded as `Row`,
    /// with a source label (`esms/send.json #3`) for failure messages.
    static func table<Row: Decodable>(
        _ relativePath: String, as _: Row.Type, from filePath: String
    ) throws(FixtureError) -> (kind: String, rows: [(source: String, row: Row)]) {
        let data = try channelFixture(relativePath, from: filePath)
        let kind = relativePath.split(separator: "/").first.map(String.init) ?? relativePath
        let values: [JSONValue]
        do {
            values = try JSONDecoder().decode([JSONValue].self, from: data)
        } catch {
            throw FixtureError("\(relativePath): not a JSON array of cases: \(error)")
        }
        var rows: [(source: String, row: Row)] = []
        for (index, value) in values.enumerated() {
            let source = "\(relativePath) #\(index + 1)"
            do {
                rows.append((source, try JSONDecoder().decode(Row.self, from: Data(value.encoded))))
            } catch {
                throw FixtureError("\(source): \(error)")
            }
        }
        return (kind, rows)
    }

    private static func search(upFrom directory: URL) -> URL? {
        var current = directory.standardizedFileURL
        while true {
            let candidate = current.appendingPathComponent("Fixtures", isDirectory: true)
            if isDirectory(candidate.appendingPathComponent("channels", isDirectory: true)) { return candidate }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &flag) && flag.boolValue
    }
}
