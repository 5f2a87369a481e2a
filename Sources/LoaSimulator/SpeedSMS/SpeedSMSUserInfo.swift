import Hummingbird

/// SpeedSMS's account call: `GET /index.php/user/info`, Basic auth with the access token as user
/// name, answers `{"status":"success","code":"00","data":{"email","balance","currency":"VND"}}`;
/// errors are `{"status":"error","code","message"}` (SPV `https://speedsms.vn/sms-api/`). Not a send.
enum SpeedSMSUserInfo {
    static let path = "/index.php/user/info"

    static func add(to router: Router<BasicRequestContext>, engine: SimulatorEngine) {
        router.get(RouterPath(path)) { request, _ in
            let header = request.headers[.authorization]
            let (status, body) = answer(authorization: header, account: engine.options.speedsms)
            return SendPipeline.json(.init(code: status), body)
        }
    }

    static func answer(authorization: String?, account: SpeedSMSAccount) -> (Int, [UInt8]) {
        guard let credentials = authorization.flatMap(SpeedSMSSend.basic), credentials.user == account.accessToken else {
            // SpeedSMS documents no code for a refused token; the simulator answers as it does for sends.
            var json = JSONWriter()
            json.add("status", "error")
            json.add("code", SpeedSMSCode.unauthorized.rawValue)
            json.add("message", SpeedSMSCode.unauthorized.message)
            return (401, json.finished)
        }
        var json = JSONWriter()
        json.add("status", "success")
        json.add("code", SpeedSMSCode.accepted)
        json.add("data") { data in
            data.add("email", account.email)
            data.add("balance", account.balance)
            data.add("currency", "VND")
        }
        return (200, json.finished)
    }
}
