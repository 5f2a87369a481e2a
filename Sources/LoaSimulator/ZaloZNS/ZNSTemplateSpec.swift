/// One approved ZNS template as the simulated OA holds it: what `GET /template/info/v2` describes
/// and what sends are checked against (`-1121` over a parameter's maximum length, `-1122` for a
/// missing one), after the simulator's own reading of gateways.md §1.4 and §13.
public struct ZNSTemplateSpec: Sendable {
    /// One template parameter.
    public struct Param: Sendable {
        public var name: String
        /// Zalo's type word: `STRING`, `NUMBER`, `DATE`, `URL`…
        public var type: String
        public var maxLength: Int
        public var required: Bool

        public init(_ name: String, type: String = "STRING", maxLength: Int, required: Bool = true) {
            self.name = name
            self.type = type
            self.maxLength = maxLength
            self.required = required
        }
    }

    public var name: String
    /// `ENABLE`, `PENDING_REVIEW`, `REJECT` or `DISABLE`.
    public var status: String
    public var params: [Param]
    /// The registered button URL, `https://<verified domain>/…/<param>`: the parameter named in
    /// angle brackets fills only the path (gateways.md §13).
    public var buttonURL: String?

    public init(name: String, status: String = "ENABLE", params: [Param], buttonURL: String? = nil) {
        self.name = name
        self.status = status
        self.params = params
        self.buttonURL = buttonURL
    }

    /// The code refusing `values`, or nil when they fit.
    func refusal(_ values: [String: String]) -> ZNSCode? {
        for param in params {
            guard let value = values[param.name], !value.isEmpty else {
                if param.required { return .missingParameter }
                continue
            }
            if value.count > param.maxLength { return .valueTooLong }
        }
        return nil
    }

    /// The button's URL for these values, the way the resident's Zalo app opens it.
    func button(with values: [String: String]) -> String? {
        guard var url = buttonURL else { return nil }
        for param in params { url = url.replacingOccurrences(of: "<\(param.name)>", with: values[param.name] ?? "") }
        return url
    }

    /// The `/template/info/v2` answer's body.
    func info(id: String) -> [UInt8] {
        var json = JSONWriter()
        json.add("error", 0)
        json.add("message", "Success")
        json.add("data") { data in
            data.add("templateId", id)
            data.add("templateName", name)
            data.add("status", status)
            data.add("templateQuality", "HIGH")
            data.add("listParams", array: params) { param, entry in
                entry.add("name", param.name)
                entry.add("require", param.required)
                entry.add("type", param.type)
                entry.add("maxLength", param.maxLength)
                entry.add("minLength", 0)
                entry.add("acceptNull", !param.required)
            }
            if let buttonURL {
                data.add("listButtons", array: [buttonURL]) { url, button in
                    button.add("type", 1)
                    button.add("title", "Xác nhận")
                    button.add("content", url)
                }
            }
        }
        return json.finished
    }
}
