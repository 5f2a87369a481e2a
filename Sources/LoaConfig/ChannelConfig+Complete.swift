extension ChannelConfig {
    /// Refuses a channel that would load but could never work, naming the channel and the key, so
    /// `loa run` stops at start instead of failing every message at the gateway.
    func checkComplete(_ section: TOMLSection) throws(ConfigError) {
        let what = "for kind \(kind.rawValue) (channel '\(name)')"
        for options in kind.required where !options.contains(where: { settings[$0] != nil || secrets[$0] != nil }) {
            let reason = options == ["secret_key"] && (kind == .zaloZNS || kind == .zaloOA)
                ? ": Zalo signs its webhooks with the OA secret key, so no receipt or reply is accepted without it" : ""
            throw section.error(
                options[0], options.count == 1
                    ? "is required \(what)\(reason)"
                    : "one of \(options.joined(separator: ", ")) is required \(what)")
        }
        if kind == .kannel, baseURL == nil {
            throw section.error("base_url", "is required \(what)")
        }
        // Zalo refuses a send whose template_data lacks a registered parameter (-1122, gateways.md §1.5).
        if kind == .zaloZNS, tables["template_params"]?.isEmpty ?? true {
            throw section.error(
                "template_params",
                "is required \(what): a table from each template parameter to a notice field, "
                    + "e.g. { ten = \"name\", tieu_de = \"title\", nut_xac_nhan = \"link_token\" }")
        }
        // sms_type 3 sends under the account's registered brandname, named in `sender` (gateways.md §5).
        if kind == .speedsms, settings["sms_type"] == "3", settings["sender"]?.isEmpty ?? true {
            throw section.error("sender", "is required \(what) with sms_type = \"3\": the registered brandname to send as")
        }
    }
}
