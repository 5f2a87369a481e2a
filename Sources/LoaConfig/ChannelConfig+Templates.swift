extension ChannelKind {
    /// Whether a channel of this kind may send any text unless `free_text = false` (SPEC §4): own SMSC
    /// through Kannel, Twilio and webhooks may; eSMS and SpeedSMS customer-care routes only carry
    /// carrier-registered templates (gateways.md §4.1, §13).
    public var freeTextByDefault: Bool {
        switch self {
        case .esms, .speedsms: false
        case .kannel, .twilio, .webhook, .zaloZNS, .zaloOA: true
        }
    }

    /// Whether `free_text` and `[[channels.templates]]` apply to this kind.
    var takesSMSTemplates: Bool { isSMS }
}

extension ChannelConfig {
    /// Reads `free_text` and `[[channels.templates]]`, naming the channel and template in every error.
    mutating func readTemplates(_ section: TOMLSection) throws(ConfigError) {
        freeText = kind.freeTextByDefault
        if let flag = try section.bool("free_text") {
            if kind == .webhook, !flag {
                throw section.error("free_text", "channel '\(name)': a webhook sends its own JSON, not a carrier template")
            }
            freeText = flag
        }
        guard kind.takesSMSTemplates else { return }
        var names = Set<String>()
        for (index, table) in try section.sections("templates").enumerated() {
            try table.allowOnly(["name", "text"])
            guard let templateName = try table.string("name"), !templateName.trimmingCharacters(in: .whitespaces).isEmpty
            else { throw table.error("name", "channel '\(name)': template \(index + 1) needs a name") }
            guard names.insert(templateName).inserted else {
                throw table.error("name", "channel '\(name)': template name '\(templateName)' is used twice")
            }
            guard let text = try table.string("text"), !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw table.error("text", "channel '\(name)', template '\(templateName)': the registered text is missing")
            }
            do {
                templates.append(try SMSTemplate(name: templateName, text: text.precomposed))
            } catch {
                throw table.error("text", "channel '\(name)', template '\(templateName)': \(error)")
            }
        }
        guard freeText || !templates.isEmpty else {
            throw section.error(
                "templates",
                "channel '\(name)' (\(kind.rawValue)) sends only carrier-registered texts: add a [[channels.templates]] "
                    + "with name and text (e.g. text = \"UBND {commune} thong bao: {title}. Chi tiet: {link}\"), "
                    + "or set free_text = true if this route takes any text")
        }
    }
}
