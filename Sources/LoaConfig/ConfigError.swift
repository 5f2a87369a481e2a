/// A configuration problem, naming the file, the key and what is wrong with it.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }

    static func key(_ path: String, _ problem: String) -> ConfigError {
        ConfigError("\(path): \(problem)")
    }
}
