import Hummingbird
import NIOCore

/// The request context of Loa's server: Hummingbird's basics plus the peer address, which
/// `/api` checks while it answers only on loopback.
public struct LoaRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Webhook bodies are small; anything larger is refused before it is read.
    public var maxUploadSize: Int { 256 * 1024 }

    /// Whether the peer is on this machine.
    var isLoopback: Bool {
        switch remoteAddress {
        case .v4(let address): address.host.hasPrefix("127.")
        case .v6(let address): address.host == "::1" || address.host.hasPrefix("::ffff:127.")
        default: false
        }
    }
}
