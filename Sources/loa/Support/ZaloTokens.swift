import LoaChannels
import LoaHTTP
import LoaStore
import Logging
import ServiceLifecycle

/// The Zalo channels' token keepers in `loa run`: connected to the store before the first send
/// (so a refreshed single-use refresh token survives restarts) and refreshed ahead of expiry.
struct ZaloTokens: Service {
    let keepers: [ZaloTokenKeeper]

    var isEmpty: Bool { keepers.isEmpty }

    /// Channel name → token state, for `/healthz`.
    var health: [String: String] {
        Dictionary(keepers.map { ($0.channel, $0.health.description) }, uniquingKeysWith: { first, _ in first })
    }

    static func connect(_ adapters: [any ChannelAdapter], store: any Store, transport: any HTTPTransport) async throws -> ZaloTokens {
        let logger = Logger(label: "loa.zalo-token")
        let vault = StoreCredentialVault(store: store)
        var keepers: [ZaloTokenKeeper] = []
        for case let holder as any ZaloTokenHolder in adapters {
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
