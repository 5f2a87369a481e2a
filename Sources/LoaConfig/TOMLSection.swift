import TOMLKit

/// One table of `loa.toml` with its dotted path, so every error names the exact key.
struct TOMLSection {
    let table: TOMLTable
    let path: String
    let source: String
    let environment: [String: String]

    static func parse(_ text: String, source: String, environment: [String: String]) throws(ConfigError) -> TOMLSection {
        do {
            let table = try TOMLTable(string: text)
            return TOMLSection(table: table, path: "", source: source, environment: environment)
        } catch let error as TOMLParseError {
            throw ConfigError(
                "\(source):\(error.source.begin.line):\(error.source.begin.column): \(error.description)")
        } catch {
            throw ConfigError("\(source): \(error)")
        }
    }

    func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func error(_ key: String, _ problem: String) -> ConfigError {
        ConfigError.key("\(source): \(name(key))", problem)
    }

    var keys: [String] { table.keys }

    func allowOnly(_ allowed: Set<String>) throws(ConfigError) {
        for key in table.keys where !allowed.contains(key) {
            throw error(key, "unknown key; expected one of \(allowed.sorted().joined(separator: ", "))")
        }
    }

    func section(_ key: String) throws(ConfigError) -> TOMLSection? {
        guard let value = table[key] else { return nil }
        guard let child = value.table else { throw error(key, "must be a table ([\(name(key))])") }
        return TOMLSection(table: child, path: name(key), source: source, environment: environment)
    }

    func sections(_ key: String) throws(ConfigError) -> [TOMLSection] {
        guard let value = table[key] else { return [] }
        guard let array = value.array else { throw error(key, "must be an array of tables ([[\(name(key))]])") }
        var result: [TOMLSection] = []
        for (index, element) in array.enumerated() {
            guard let child = element.table else { throw error("\(key)[\(index)]", "must be a table") }
            result.append(
                TOMLSection(table: child, path: "\(name(key))[\(index)]", source: source, environment: environment))
        }
        return result
    }

    /// A string value; `env:NAME` reads the environment variable NAME.
    func string(_ key: String) throws(ConfigError) -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else { throw error(key, "must be a string") }
        guard text.hasPrefix("env:") else { return text }
        let variable = String(text.dropFirst(4))
        guard !variable.isEmpty else { throw error(key, "'env:' needs a variable name") }
        guard let resolved = environment[variable] else {
            throw error(key, "environment variable \(variable) is not set")
        }
        return resolved
    }

    func secret(_ key: String) throws(ConfigError) -> Secret? {
        try string(key).map(Secret.init)
    }

    func double(_ key: String) throws(ConfigError) -> Double? {
        guard let value = table[key] else { return nil }
        if let number = value.double { return number }
        if let number = value.int { return Double(number) }
        if let text = try string(key), let number = Double(text) { return number }
        throw error(key, "must be a number")
    }

    func int(_ key: String) throws(ConfigError) -> Int? {
        guard let value = table[key] else { return nil }
        if let number = value.int { return number }
        if let text = try string(key), let number = Int(text) { return number }
        throw error(key, "must be a whole number")
    }

    /// A table of string values (e.g. the webhook's `headers`), each allowing `env:NAME`.
    func stringTable(_ key: String) throws(ConfigError) -> [String: String]? {
        guard let child = try section(key) else { return nil }
        var result: [String: String] = [:]
        for name in child.keys {
            result[name] = try child.string(name)
        }
        return result
    }
}
