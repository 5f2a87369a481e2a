import LoaChannels
import LoaHTTP
import LoaStore
import Logging
import ServiceLifecycle

/// The Zalo token keepers in `loa run`, one per app and OA however many channels share it:
/// connected to the store before the first send (so a refreshed single-use refresh token survives
/// restarts) and refreshed ahead of expiry.
struct ZaloTokens: Service {
    let keepers: [ZaloTokenKeeper]

    var isEmpty: Bool { keepers.isEmpty }

    /// Channel name → the state of its app's token, for `/healthz`.
    var health: [String: String] {
        var lines: [String: String] = [:]
        for keeper in keepers {
            let state = keeper.health.description
            for channel in keeper.channels where lines[channel] == nil { lines[channel] = state }
        }
        return lines
    }

    static func connect(_ adapters: [any ChannelAdapter], store: any Store, transport: any HTTPTransport) async throws -> ZaloTokens {
        let logger = Logger(label: "loa.zalo-token")
        let vault = StoreCredentialVault(store: store)
        var keepers: [ZaloTokenKeeper] = []
        var seen = Set<ObjectIdentifier>()
        for case let holder as any ZaloTokenHolder in adapters where seen.insert(ObjectIdentifier(holder.tokens)).inserted {
            await holder.tokens.connect(vault: vault, transport: transport) { logger.info("\($0)") }
            keepers.append(holder.tokens)
        }
        return ZaloTokens(keepers: keepers)
    }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                for keeper in keepers {
                    group.addTask { await keeper.maintain() }
                }
            }
        }
    }
}
