import Foundation
import Hummingbird
import LoaCore

/// Twilio's account reads, which send nothing (Twilio REST API 2010-04-01, gateways.md §9):
/// `GET /2010-04-01/Accounts/{sid}.json` (the account: `status`, `type`, …), `…/Balance.json`
/// (`balance`, `currency`) and `…/IncomingPhoneNumbers.json?PhoneNumber=` (the account's numbers).
/// Wrong credentials get 401 with code 20003; another account's SID gets 404 with code 20404.
enum TwilioAccountRoutes {
    static func add(to router: Router<BasicRequestContext>, engine: SimulatorEngine) {
        let account = engine.options.twilio
        router.get("/2010-04-01/Accounts/{sid}.json") { request, context in
            respond(request, context, account) { resource(account) }
        }
        router.get("/2010-04-01/Accounts/{sid}/Balance.json") { request, context in
            respond(request, context, account) {
                var json = JSONWriter()
                json.add("account_sid", account.accountSID)
                json.add("balance", account.balance)
                json.add("currency", "USD")
                return json.finished
            }
        }
        router.get("/2010-04-01/Accounts/{sid}/IncomingPhoneNumbers.json") { request, context in
            respond(request, context, account) {
                numbers(matching: request.uri.queryParameters.get("PhoneNumber"), account: account)
            }
        }
    }

    private static func respond(
        _ request: Request, _ context: BasicRequestContext, _ account: TwilioAccount, _ body: () -> [UInt8]
    ) -> Response {
        guard let credentials = request.headers[.authorization].flatMap(TwilioSend.basic),
            credentials.user == account.accountSID, credentials.password == account.authToken
        else {
            let reply = TwilioError.authenticate.reply()
            return SendPipeline.json(.init(code: reply.status), reply.body)
        }
        guard context.parameters.get("sid") == account.accountSID else {
            var json = JSONWriter()
            json.add("code", 20404)
            json.add("message", "The requested resource \(request.uri.path) was not found")
            json.add("more_info", "https://www.twilio.com/docs/errors/20404")
            json.add("status", 404)
            return SendPipeline.json(.notFound, json.finished)
        }
        return SendPipeline.json(.ok, body())
    }

    /// The Account resource; Twilio includes the auth token in it.
    private static func resource(_ account: TwilioAccount) -> [UInt8] {
        var json = JSONWriter()
        json.add("auth_token", account.authToken)
        json.add("date_created", TwilioMessageResource.rfc2822(Date(timeIntervalSince1970: 1_700_000_000)))
        json.add("friendly_name", "Loa simulator")
        json.add("sid", account.accountSID)
        json.add("status", account.status)
        json.add("type", account.type)
        json.add("uri", "/2010-04-01/Accounts/\(account.accountSID).json")
        return json.finished
    }

    /// The account's numbers equal to `wanted` (all of ``TwilioAccount/senders`` without it): with no
    /// senders configured, any E.164 number asked for counts as the account's, as sends do.
    private static func numbers(matching wanted: String?, account: TwilioAccount) -> [UInt8] {
        var owned = account.senders.map { Array($0).sorted() } ?? []
        if account.senders == nil, let wanted, wanted.hasPrefix("+"), wanted.dropFirst().allSatisfy(\.isNumber) {
            owned = [wanted]
        }
        let listed = wanted.map { number in owned.filter { $0 == number } } ?? owned
        var items: [UInt8] = [UInt8(ascii: "[")]
        for (index, number) in listed.enumerated() {
            if index > 0 { items.append(UInt8(ascii: ",")) }
            var json = JSONWriter()
            json.add("account_sid", account.accountSID)
            json.add("phone_number", number)
            json.add("sid", "PN" + String(repeating: "0", count: 32 - String(index).count) + String(index))
            items += json.finished.dropLast() + Array(#","capabilities":{"mms":false,"sms":true,"voice":true}}"#.utf8)
        }
        items.append(UInt8(ascii: "]"))
        var page = JSONWriter()
        page.add("page", 0)
        page.add("page_size", 50)
        return page.finished.dropLast() + Array(#","incoming_phone_numbers":"#.utf8) + items + [UInt8(ascii: "}")]
    }
}
