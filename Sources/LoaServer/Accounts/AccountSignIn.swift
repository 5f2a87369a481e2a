import Crypto
import Foundation
import Hummingbird
import LoaChannels
import LoaCore
import LoaStore

/// Staff sign-in by phone (issue 19): with a password, or with a one-time code sent by text. An
/// unknown phone, a wrong password and a disabled account get the same answer in about the same
/// time; failures are limited per account and per client address, and while limited the password
/// or code is not even checked.
struct AccountSignIn: Sendable {
    let pages: DashboardPages
    let limits: SignInLimits
    let messenger: StaffMessenger
    var setup: ServerSetup { pages.setup }

    /// How long a one-time code works.
    static let codeLifetime: TimeInterval = 600

    /// `POST /login` (SPEC §5): one form for a phone and password or an API token (field `token`).
    func either(_ request: Request, client: String) async -> Response {
        switch await pages.signInForm(request) {
        case .failure(let refusal):
            return refusal.response
        case .success(let checked):
            let token = checked.fields["token"]?.trimmingCharacters(in: .whitespaces) ?? ""
            let phone = checked.fields["phone"]?.trimmingCharacters(in: .whitespaces) ?? ""
            if token.isEmpty, !phone.isEmpty { return await password(request, form: checked.fields, client: client) }
            return await pages.tokenSignIn(request, checked)
        }
    }

    /// `POST /login/password`: phone and password.
    func password(_ request: Request, client: String) async -> Response {
        switch await pages.signInForm(request) {
        case .success(let checked): return await password(request, form: checked.fields, client: client)
        case .failure(let refusal): return refusal.response
        }
    }

    /// The password sign-in of a form already checked by `signInForm`.
    private func password(_ request: Request, form: [String: String], client: String) async -> Response {
        let now = setup.now()
        let phone = try? PhoneNumber(parsing: form["phone"] ?? "")
        let shown = ["phone": form["phone"] ?? "", "next": SignInTarget.path(form["next"])]
        if let wait = limits.wait(account: phone?.e164, address: client, now: now) { return limited(request, wait: wait, shown) }
        do {
            let account = try await account(phone)
            // Checked against the dummy hash when there is no password to check, so every answer takes as long.
            let matched = try await Passwords.verify(form["password"] ?? "", hash: account?.passwordHash)
            guard matched, let account, account.disabledAt == nil, let tokenID = account.tokenID else {
                limits.fail(account: phone?.e164, address: client, now: now)
                return pages.loginPage(request, problem: "acc.bad", shown, status: .unauthorized)
            }
            limits.perAccount.clear(account.phone.e164)
            try await setup.store.recordStaffAction(
                actor: account.tokenLabel, action: "account.signin", subject: account.phone.e164, detail: "password", at: now)
            return await pages.startSession(request, tokenID: tokenID, next: form["next"])
        } catch {
            return failure(request, error)
        }
    }

    /// `POST /login/code`: sends a 6-digit code to the phone's account, at most one a minute. The
    /// page is the same whether or not the phone has an account.
    func requestCode(_ request: Request, client: String) async -> Response {
        let form: [String: String]
        switch await pages.signInForm(request) {
        case .success(let checked): form = checked.fields
        case .failure(let refusal): return refusal.response
        }
        let now = setup.now()
        guard let phone = try? PhoneNumber(parsing: form["phone"] ?? "") else {
            return pages.loginPage(request, problem: "acc.phone.bad", ["phone": form["phone"] ?? "", "next": SignInTarget.path(form["next"])],
                status: .badRequest)
        }
        let shown: [String: Any] = ["phone": phone.national, "next": SignInTarget.path(form["next"]), "codeSent": true]
        if let wait = limits.wait(account: phone.e164, address: client, now: now) { return limited(request, wait: wait, shown) }
        if limits.codeRequests.wait(phone.e164, now: now) != nil {
            return pages.loginPage(request, problem: "acc.code.wait", shown, status: .tooManyRequests)
        }
        limits.codeRequests.fail(phone.e164, now: now)
        do {
            guard let account = try await setup.store.account(phone: phone), account.disabledAt == nil, let id = account.id else {
                // Counted like a wrong password: probing phones for accounts costs the address its tries.
                limits.perAddress.fail(client, now: now)
                return codeSentPage(request, shown)
            }
            let code = Self.newCode()
            try await setup.store.saveSignInCode(account: id, codeHash: Self.codeHash(code, account: id), at: now, expiresAt: now + Self.codeLifetime)
            let text = "Mã đăng nhập Loa của bạn: \(code). Mã dùng được 10 phút. Không đưa mã này cho ai."
            _ = try await messenger.send(text, to: phone, channel: nil)
            return codeSentPage(request, shown)
        } catch let error as StaffMessengerError {
            setup.logger.warning("sign-in code not sent", metadata: ["reason": "\(error.description)"])
            return pages.loginPage(request, problem: "acc.code.unsent", ["phone": phone.national, "next": shown["next"] ?? "/"], status: .serviceUnavailable)
        } catch {
            return failure(request, error)
        }
    }

    /// `POST /login/code/verify`: phone and the code it received.
    func verifyCode(_ request: Request, client: String) async -> Response {
        let form: [String: String]
        switch await pages.signInForm(request) {
        case .success(let checked): form = checked.fields
        case .failure(let refusal): return refusal.response
        }
        let now = setup.now()
        let phone = try? PhoneNumber(parsing: form["phone"] ?? "")
        let shown: [String: Any] = ["phone": phone?.national ?? "", "next": SignInTarget.path(form["next"]), "codeSent": phone != nil]
        if let wait = limits.wait(account: phone?.e164, address: client, now: now) { return limited(request, wait: wait, shown) }
        do {
            let code = (form["code"] ?? "").filter { !$0.isWhitespace }
            var check = SignInCodeCheck.none
            let account = try await account(phone)
            if let account, let id = account.id, account.disabledAt == nil, code.count == 6, code.allSatisfy(\.isASCII), code.allSatisfy(\.isNumber) {
                check = try await setup.store.useSignInCode(account: id, codeHash: Self.codeHash(code, account: id), at: now)
            }
            guard check == .accepted, let account, let tokenID = account.tokenID else {
                limits.fail(account: phone?.e164, address: client, now: now)
                return pages.loginPage(request, problem: "acc.code.bad", shown, status: .unauthorized)
            }
            limits.perAccount.clear(account.phone.e164)
            return await pages.startSession(request, tokenID: tokenID, next: form["next"])
        } catch {
            return failure(request, error)
        }
    }

    /// The account of `phone`, if the phone was readable and has one.
    private func account(_ phone: PhoneNumber?) async throws -> AccountRecord? {
        guard let phone else { return nil }
        return try await setup.store.account(phone: phone)
    }

    private func codeSentPage(_ request: Request, _ shown: [String: Any]) -> Response {
        var values = shown
        values["notice"] = DashboardPages.language(request)["acc.code.sent"]
        return pages.loginPage(request, values)
    }

    /// 429 in the reader's language, saying in how many minutes to try again.
    private func limited(_ request: Request, wait: Int, _ shown: [String: Any]) -> Response {
        let text = DashboardPages.language(request)
        var values = shown
        values["problem"] = text["acc.limited"].replacingOccurrences(of: "{minutes}", with: String(max(1, (wait + 59) / 60)))
        var response = pages.loginPage(request, values, status: .tooManyRequests)
        response.headers[.retryAfter] = String(wait)
        return response
    }

    private func failure(_ request: Request, _ error: any Error) -> Response {
        let reference = ErrorReference.log(error, "account sign-in failed", logger: setup.logger)
        return pages.message(DashboardPages.language(request), title: "500", message: reference.vietnamese, status: .internalServerError)
    }

    /// Six random digits.
    static func newCode() -> String {
        var generator = SystemRandomNumberGenerator()
        return String(format: "%06d", Int(generator.next(upperBound: UInt64(1_000_000))))
    }

    /// What the store keeps of a code: SHA-256 of the account id and the code, so equal codes of two
    /// accounts differ.
    static func codeHash(_ code: String, account: Int64) -> String {
        SHA256.hash(data: Data("loa-sign-in:\(account):\(code)".utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
