import Hummingbird
import NIOCore

/// The request context of Loa's server: Hummingbird's basics plus the peer address (for logs).
public struct LoaRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Webhook bodies are small; anything larger is refused before it is read.
    public var maxUploadSize: Int { 256 * 1024 }
}
