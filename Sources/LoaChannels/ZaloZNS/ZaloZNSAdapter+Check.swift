import LoaHTTP

/// `loa channels check` for ZNS (issue 17 §6): credentials and template through the template
/// info call, the mapping against the template's parameters, and today's quota — no resident is
/// messaged.
extension ZaloZNSAdapter {
    public func checkAccount(over transport: any HTTPTransport) async -> [ChannelCheckItem] {
        var items: [ChannelCheckItem] = []
        let info: ZaloZNSTemplateInfo
        do {
            info = try await fetchTemplateInfo(over: transport)
        } catch where error.kind == .unauthorized {
            return [ChannelCheckItem("credentials", .failed, "Zalo refused the access token: \(error.description)")]
        } catch where error.isRetryable {
            return [ChannelCheckItem("credentials", .failed, "Zalo did not answer: \(error.description)")]
        } catch {
            return [
                ChannelCheckItem("credentials", .ok, "the access token works"),
                ChannelCheckItem("templates", .failed, "template \(templateID): \(error.description)"),
            ]
        }
        items.append(ChannelCheckItem("credentials", .ok, "the access token works (template info answered)"))
        items.append(
            info.isEnabled
                ? ChannelCheckItem("templates", .ok, "template \(info.templateID) is enabled")
                : ChannelCheckItem("templates", .failed, "template \(info.templateID) is \(info.status), not ENABLE"))
        let problems = template.problems(against: info, channel: config.name)
        if problems.isEmpty {
            let limits = template.parameters.map { parameter in
                "\(parameter.name)=\(parameter.field.rawValue)"
                    + (info.param(parameter.name)?.maxLength.map { " (≤\($0))" } ?? "")
            }
            items.append(ChannelCheckItem("mapping", .ok, "template_params fit: " + limits.joined(separator: ", ")))
        } else {
            items += problems.map { ChannelCheckItem("mapping", .failed, $0) }
        }
        items.append(await quotaItem(over: transport))
        return items
    }

    /// Today's quota from `GET /message/quota`: a warning below a tenth of the day's allowance.
    private func quotaItem(over transport: any HTTPTransport) async -> ChannelCheckItem {
        do {
            let quota = try await fetchQuota(over: transport)
            let of = quota.daily.map { " of \($0)" } ?? ""
            if quota.remaining <= 0 {
                return ChannelCheckItem("quota", .failed, "no ZNS left today (0\(of)); it renews at midnight Vietnam time")
            }
            let low = quota.daily.map { quota.remaining * 10 < $0 } ?? false
            return ChannelCheckItem("quota", low ? .warning : .ok, "\(quota.remaining)\(of) ZNS left today")
        } catch {
            return ChannelCheckItem("quota", .skipped, "quota call failed: \(error.description)")
        }
    }
}
