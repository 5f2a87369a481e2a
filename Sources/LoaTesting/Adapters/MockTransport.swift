import LoaChannels
import LoaHTTP
import Synchronization

/// A fake gateway: serves scripted replies in order, records every request, and reports any
/// request that was not scripted, did not match its script, or any scripted exchange left unused.
///
/// An unexpected request fails with an `HTTPClientError` (kind `other`) so the adapter under test
/// keeps going; the problem is reported by ``problems()`` at the end.
public final class MockTransport: HTTPTransport {
    private struct State: Sendable {
        var script: [ScriptedExchange]
        var next = 0
        var requests: [HTTPRequest] = []
        var problems: [String] = []
    }

    private let state: Mutex<State>

    /// A transport that expects exactly `script`, in order.
    public init(_ script: [ScriptedExchange]) {
        state = Mutex(State(script: script))
    }

    public func send(_ request: HTTPRequest) async throws(HTTPClientError) -> HTTPResponse {
        let reply: ScriptedExchange.Reply? = state.withLock { state in
            state.requests.append(request)
            let number = state.requests.count
            guard state.next < state.script.count else {
                state.problems.append("request \(number) was not scripted: \(request.method) \(request.url)")
                return nil
            }
            let exchange = state.script[state.next]
            state.next += 1
            state.problems += exchange.expected.mismatches(request).map { "request \(number): \($0)" }
            return exchange.reply
        }
        switch reply {
        case .response(let response)?: return response
        case .failure(let error)?: throw error
        case nil: throw HTTPClientError(.other, "MockTransport: unexpected request to \(request.url)")
        }
    }

    /// The requests received so far, in order.
    public var requests: [HTTPRequest] {
        state.withLock { $0.requests }
    }

    /// Everything that went differently from the script, including exchanges never used.
    public func problems() -> [String] {
        state.withLock { state in
            var problems = state.problems
            for (index, exchange) in state.script.enumerated().dropFirst(state.next) {
                problems.append(
                    "scripted exchange \(index + 1) was never used: \(exchange.expected.method) \(exchange.expected.url)")
            }
            return problems
        }
    }
}
