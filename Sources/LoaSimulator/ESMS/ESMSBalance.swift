import Hummingbird

/// eSMS's balance call: `POST /MainService.svc/json/GetBalance_json` with `{"ApiKey","SecretKey"}`
/// answers `{"Balance","CodeResponse":"100","UserID"}`, or `{"Balance":0,"CodeResponse":"101",
/// "ErrorMessage":"Authorize Failed"}` for wrong keys (ESMS `ham-lay-so-du-tai-khoan.md`). It sends
/// nothing, so it is not counted among sends.
enum ESMSBalance {
    static let path = "/MainService.svc/json/GetBalance_json"

    static func add(to router: Router<BasicRequestContext>, engine: SimulatorEngine) {
        router.post(RouterPath(path)) { request, _ in
            var request = request
            let body = (try? await request.collectBody(upTo: engine.options.maxBodySize)).map { Array($0.readableBytesView) }
            return SendPipeline.json(.ok, answer(body ?? [], account: engine.options.esms))
        }
    }

    static func answer(_ body: [UInt8], account: ESMSAccount) -> [UInt8] {
        let request = JSONValue.parse(body)
        var json = JSONWriter()
        guard request?["ApiKey"]?.scalarText == account.apiKey, request?["SecretKey"]?.scalarText == account.secretKey else {
            json.add("Balance", 0)
            json.add("CodeResponse", "101")
            json.add("ErrorMessage", "Authorize Failed")
            return json.finished
        }
        json.add("Balance", account.balance)
        json.add("CodeResponse", "100")
        json.add("UserID", account.userID)
        return json.finished
    }
}
