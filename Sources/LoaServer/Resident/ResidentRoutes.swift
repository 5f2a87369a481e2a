import Foundation
import Hummingbird
import LoaCore
import LoaStore

/// `GET|HEAD /m/{token}` and `POST /m/{token}/ack` (SPEC §5).
///
/// A GET from a person marks the message opened; HEAD requests and link-preview fetchers
/// (`LinkVisitor`) see the same page and change nothing.
enum ResidentRoutes {
    static func add(to router: Router<LoaRequestContext>, setup: ServerSetup) {
        let page = ResidentPage(commune: setup.configuration.commune.name, zone: setup.configuration.commune.timeZone)
        router.get("/m/:token") { request, context in
            await show(request, context, setup: setup, page: page, head: false)
        }
        router.head("/m/:token") { request, context in
            await show(request, context, setup: setup, page: page, head: true)
        }
        router.post("/m/:token/ack") { _, context in
            await acknowledge(context, setup: setup, page: page)
        }
    }

    /// Tokens are 32 lower-case hex digits; anything else is not looked up.
    static func validToken(_ context: LoaRequestContext) -> String? {
        guard let token = context.parameters.get("token"), token.utf8.count == 32,
            token.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) })
        else { return nil }
        return token
    }

    private static func show(
        _ request: Request, _ context: LoaRequestContext, setup: ServerSetup, page: ResidentPage, head: Bool
    ) async -> Response {
        do {
            guard let token = validToken(context), var target = try await setup.store.linkTarget(token: token) else {
                return Responses.html(notFound(page), status: .notFound, head: head)
            }
            let agent = request.headers[.userAgent]
            if LinkVisitor.isHumanOpen(method: request.method.rawValue, userAgent: agent),
                target.state != .cancelled, target.state != .expired
            {
                let opened = try await setup.store.recordOpen(
                    token: token, at: setup.now(), detail: agent.map { String($0.prefix(200)) })
                if opened { target.state = .opened }
            }
            return Responses.html(page.notice(target, status: status(of: target, token: token)), head: head)
        } catch {
            setup.logger.error("resident page failed", metadata: ["error": "\(error)"])
            return Responses.html(page.message(title: "Lỗi tạm thời", text: "Xin bà con thử lại sau ít phút."), status: .serviceUnavailable, head: head)
        }
    }

    private static func acknowledge(_ context: LoaRequestContext, setup: ServerSetup, page: ResidentPage) async -> Response {
        do {
            guard let token = validToken(context), let target = try await setup.store.linkTarget(token: token),
                let result = try await setup.store.acknowledge(token: token, at: setup.now())
            else {
                return Responses.html(notFound(page), status: .notFound)
            }
            switch result {
            case .recorded, .already:
                return Responses.html(page.thanks(target))
            case .closed(_, let state):
                let cancelled = state == .cancelled || target.notice.status == .cancelled
                return Responses.html(page.notice(target, status: cancelled ? .cancelled : .closed), status: .conflict)
            }
        } catch {
            setup.logger.error("acknowledgement failed", metadata: ["error": "\(error)"])
            return Responses.html(page.message(title: "Lỗi tạm thời", text: "Xin bà con thử lại sau ít phút."), status: .serviceUnavailable)
        }
    }

    private static func status(of target: LinkTarget, token: String) -> ResidentPage.Status {
        if target.notice.status == .cancelled || target.state == .cancelled { return .cancelled }
        if target.state == .expired { return .closed }
        if target.state == .acknowledged { return .acknowledged(target.acknowledgedAt) }
        return .open(ackPath: target.notice.draft.ackRequired ? "/m/\(token)/ack" : nil)
    }

    private static func notFound(_ page: ResidentPage) -> String {
        page.message(title: "Không tìm thấy thông báo", text: "Đường dẫn này không đúng hoặc đã hết hiệu lực.")
    }
}
