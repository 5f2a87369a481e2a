import LoaChannels
import LoaConfig
import LoaHTTP
import LoaStore

/// One pass of `loa channels check` and of the channels page's "Kiểm tra": each channel's own
/// account check, then the checks on Loa's public address that every channel relies on
/// (callbacks, Zalo's domain verification, templates).
public struct ChannelCheckRun: Sendable {
    let configuration: LoaConfiguration
    let transport: any HTTPTransport
    /// Readies the adapters made here before they are asked (the CLI connects Zalo channels to the
    /// token pair `loa run` keeps in the database).
    let prepare: @Sendable ([any ChannelAdapter]) async -> Void

    public init(
        configuration: LoaConfiguration, transport: any HTTPTransport,
        prepare: @escaping @Sendable ([any ChannelAdapter]) async -> Void = { _ in }
    ) {
        self.configuration = configuration
        self.transport = transport
        self.prepare = prepare
    }

    /// The findings of `channels`, in their configured order; the gateways are asked concurrently.
    /// `running` are adapters already in use (the server's, with live tokens), asked instead of new ones.
    public func reports(for channels: [ChannelConfig], running: [String: any ChannelAdapter] = [:]) async -> [ChannelCheckReport] {
        var adapters: [String: any ChannelAdapter] = [:]
        var made: [any ChannelAdapter] = []
        var refusals: [String: String] = [:]
        for channel in channels {
            if let adapter = running[channel.name] {
                adapters[channel.name] = adapter
                continue
            }
            do {
                let adapter = try ChannelRegistry.adapter(for: channel, hooks: hookURLs(channel))
                adapters[channel.name] = adapter
                made.append(adapter)
            } catch {
                refusals[channel.name] = error.description
            }
        }
        if !made.isEmpty { await prepare(made) }
        let shared = await sharedFindings(for: channels)
        let transport = self.transport
        let accounts = await withTaskGroup(of: (String, [ChannelCheckItem]).self) { group in
            for (name, adapter) in adapters {
                group.addTask { (name, await adapter.checkAccount(over: transport)) }
            }
            var found: [String: [ChannelCheckItem]] = [:]
            for await (name, items) in group { found[name] = items }
            return found
        }
        return channels.map { channel in
            var checks: [ChannelCheckItem]
            if let refusal = refusals[channel.name] {
                checks = [ChannelCheckItem("config", .failed, refusal)]
            } else {
                checks = accounts[channel.name] ?? []
            }
            checks += ChannelCheckTemplates.findings(
                for: channel, commune: configuration.commune.name, publicURL: configuration.server.publicURL)
            if needsCallbacks(channel) { checks.append(shared.callback) }
            if let verification = shared.verification, isZalo(channel) { checks.append(verification) }
            let secrets = (adapters[channel.name]?.secrets ?? []) + serverSecrets
            return ChannelCheckReport(channel: channel.name, kind: channel.kind.rawValue, checks: checks.map { redact($0, secrets) })
        }
    }

    private struct Shared {
        var callback: ChannelCheckItem
        var verification: ChannelCheckItem?
    }

    /// The public-address checks, asked once whatever the number of channels relying on them.
    private func sharedFindings(for channels: [ChannelConfig]) async -> Shared {
        let check = PublicURLCheck(publicURL: configuration.server.publicURL, transport: transport)
        let hookSecretSet = !(configuration.server.hookSecret?.value.isEmpty ?? true)
        let callback = channels.contains(where: needsCallbacks)
            ? await check.callback(hookSecretSet: hookSecretSet)
            : ChannelCheckItem("callback", .skipped, "no channel takes callbacks")
        var verification: ChannelCheckItem?
        if channels.contains(where: isZalo) {
            if let code = configuration.server.zaloSiteVerification {
                verification = await check.verification(code: code)
            } else {
                verification = ChannelCheckItem(
                    "verification", .skipped,
                    "no [server] zalo_site_verification: Zalo takes a webhook only on a verified domain (if yours is verified another way, ignore this)")
            }
        }
        return Shared(callback: callback, verification: verification)
    }

    /// Every gateway but the generic webhook reports delivery or replies back to Loa.
    private func needsCallbacks(_ channel: ChannelConfig) -> Bool { channel.kind != .webhook }

    private func isZalo(_ channel: ChannelConfig) -> Bool { channel.kind == .zaloZNS || channel.kind == .zaloOA }

    private func hookURLs(_ channel: ChannelConfig) -> HookURLs? {
        guard let master = configuration.server.hookSecret?.value, !master.isEmpty else { return nil }
        return HookURLs(publicURL: configuration.server.publicURL, secret: HookSecret(master: master, channel: channel.name))
    }

    private var serverSecrets: [String] {
        [configuration.server.hookSecret?.value, configuration.server.linkSecret?.value].compactMap { $0 }
    }

    /// The finding with every secret replaced, whatever a gateway echoed into it.
    private func redact(_ item: ChannelCheckItem, _ secrets: [String]) -> ChannelCheckItem {
        var copy = item
        for secret in secrets where secret.count >= 4 {
            copy.detail = copy.detail.replacingOccurrences(of: secret, with: "<redacted>")
        }
        return copy
    }
}
