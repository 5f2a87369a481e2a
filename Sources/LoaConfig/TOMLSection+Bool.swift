extension TOMLSection {
    /// A boolean value (`true`/`false`, or the strings "true"/"false" through `env:NAME`).
    func bool(_ key: String) throws(ConfigError) -> Bool? {
        guard let value = table[key] else { return nil }
        if let flag = value.bool { return flag }
        if value.string != nil, let text = try string(key) {
            switch text.lowercased() {
            case "true": return true
            case "false": return false
            default: break
            }
        }
        throw error(key, "must be true or false")
    }
}
