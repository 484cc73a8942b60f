(function () {
    "use strict";

    // What each error code of POST /api/login means to a person: a title and what to do.
    var FAILURES = {
        EXPIRED_TOKEN: ["Your login has expired",
            "AltsCodex says the login token has expired. Log in again."],
        CALLBACK_TIMEOUT: ["The login timed out",
            "AltsCodex did not confirm the login in time. Try again in a moment."],
        CALLBACK_REJECTED: ["AltsCodex rejected the login",
            "AltsCodex did not allow this login. Try again, or check your AltsCodex account."],
        AUTHORIZE_FAILED: ["AltsCodex refused the login",
            "AltsCodex refused the login or could not be reached. Try again later."],
        UPSTREAM_HTTP: ["AltsCodex had a problem",
            "AltsCodex answered with an error while handing over your account. Try again later."],
        UPSTREAM_UNAVAILABLE: ["AltsCodex is unavailable",
            "AltsCodex has been failing, so this server does not ask it for now. Try again in a minute."],
        OVERLOADED: ["The server is busy",
            "Too many logins are under way right now. Try again in a few seconds."],
        STORE_UNAVAILABLE: ["The server cannot log you in now",
            "It cannot reach its store of logins under way. Try again later."],
        SHUTDOWN: ["The server is shutting down",
            "This server is stopping and cannot log you in now. Try again when it is back."],
        BAD_REQUEST: ["The login request was incomplete",
            "The server got no usable login token. Start the login again."],
        PAYLOAD_TOO_LARGE: ["The login request was too large",
            "The server reads only a login token. Start the login again."],
        UNSUPPORTED_MEDIA_TYPE: ["The login request was in the wrong format",
            "The server reads JSON or a form in UTF-8. Start the login again."],
        BODY_TIMEOUT: ["The login request arrived too slowly",
            "Your connection may be slow. Try again."],
        SESSION_REQUIRED: ["You are not logged in",
            "This needs a session. Log in first."],
        SESSION_INVALID: ["Your session is not valid",
            "This server cannot read your session (it may come from another server). Log in again."],
        SESSION_EXPIRED: ["Your session has ended",
            "Sessions last a while, then end. Log in again."],
        SESSION_REVOKED: ["You have logged out",
            "This session was ended by a logout. Log in again."],
        FORBIDDEN: ["Not allowed",
            "Your account may not do this."],
        CROSS_SITE_REQUEST: ["Refused: another site asked",
            "Only this site's own pages may log you in or out, or act with your session."],
        RATE_LIMITED: ["Too many failed attempts",
            "Wait a minute before you try again."],
        WEBHOOK_URL_REFUSED: ["The webhook address was refused",
            "Webhooks go only to https addresses on the public internet."],
        API_KEY_INVALID: ["Not allowed",
            "Only trusted servers with an API key may issue login links."],
        LINK_NOT_FOUND: ["No such login link",
            "Check the link or the code, or ask for a new one."],
        LINK_USED: ["The login link has been used",
            "A login link logs in once. Ask for a new one."],
        LINK_EXPIRED: ["The login link has expired",
            "Ask the chat or the game for a new one."]
    };
    // a message arriving just after the window closed must still win over "closed without logging in"
    var CLOSE_GRACE_MS = 1500;

    var button = document.getElementById("login");
    var statusLine = document.getElementById("status");
    var popup = null;           // the AltsCodex login window of the login under way
    var platformOrigin = null;  // the only origin whose message can log in
    var watch = null;

    button.addEventListener("click", startLogin);
    document.getElementById("logout").addEventListener("click", logout);
    window.addEventListener("message", receiveLogin);
    // a session from an earlier visit: show who is logged in
    whoAmI();
    // warn before the first click when the page is open under a name the login cannot reach
    fetchLoginUrl().then(warnIfNotTheRegisteredOrigin, function () {});

    function startLogin() {
        hide("slot");
        hide("failure");
        // opened inside the click, or the browser blocks it as an unwanted pop-up
        popup = window.open("about:blank", "altscodex-login", "width=480,height=640");
        if (!popup) {
            fail("The login window was blocked", "Allow pop-ups for this page and try again.", "");
            return;
        }
        busy("Opening the AltsCodex login…");
        fetchLoginUrl()
            .then(function (loginUrl) {
                platformOrigin = loginUrl.origin;
                warnIfNotTheRegisteredOrigin(loginUrl);
                popup.location.href = loginUrl.href;
                busy("Log in in the AltsCodex window…");
                watchForClosing();
            })
            .catch(function (error) {
                closePopup();
                fail("Could not start the login", "This server gave no login link (" + error.message + ").", "");
            });
    }

    function fetchLoginUrl() {
        return fetch("api/login-url", { headers: { Accept: "application/json" } })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("HTTP " + response.status);
                }
                return response.json();
            })
            .then(function (answer) {
                return new URL(answer.login_url);
            });
    }

    function receiveLogin(event) {
        // a login comes only from the window we opened, from the platform's origin, in its shape
        if (popup === null || event.source !== popup || event.origin !== platformOrigin) {
            return;
        }
        var data = event.data;
        if (!data || data.from !== "altscodex" || typeof data.jwt !== "string" || data.jwt === "") {
            return;
        }
        forgetPopup();
        busy("Logging in…");
        fetch("api/login", {
            method: "POST",
            headers: { "Content-Type": "application/json", Accept: "application/json" },
            body: JSON.stringify({ jwt: data.jwt })
        }).then(function (response) {
            return response.json().catch(function () {
                return null;
            }).then(function (body) {
                if (response.ok && body && body.success) {
                    showSlot(body.data);
                } else {
                    showFailure(response.status, body);
                }
            });
        }).catch(function () {
            fail("Could not reach this server", "Check that it is running, then try again.", "");
        });
    }

    function showSlot(slot) {
        text("slot-nickname", slot.token_nickname);
        text("slot-id", slot.id);
        text("slot-address", slot.content_address);
        show("slot");
        idle("Logged in.");
        whoAmI();
    }

    // The session cookie (HttpOnly: this page never sees it) tells the server who is calling.
    function whoAmI() {
        return fetch("api/me", { headers: { Accept: "application/json" }, credentials: "same-origin" })
            .then(function (response) {
                return response.json().catch(function () {
                    return null;
                }).then(function (body) {
                    if (response.ok && body && body.success) {
                        text("me-id", body.data.id);
                        text("me-nickname", body.data.token_nickname);
                        text("me-expires", body.data.session_expires_at
                            ? new Date(body.data.session_expires_at).toLocaleString() : "");
                        show("me");
                    } else {
                        hide("me");
                    }
                });
            }, function () {
                hide("me");
            });
    }

    function logout() {
        busy("Logging out…");
        fetch("api/logout", { method: "POST", headers: { Accept: "application/json" }, credentials: "same-origin" })
            .then(function (response) {
                return response.json().catch(function () {
                    return null;
                }).then(function (body) {
                    if (response.ok && body && body.success) {
                        hide("slot");
                        hide("me");
                        idle("Logged out.");
                    } else {
                        showFailure(response.status, body);
                    }
                    return whoAmI();
                });
            }, function () {
                fail("Could not reach this server", "Check that it is running, then try again.", "");
            });
    }

    function showFailure(status, body) {
        var code = body && body.code;
        var words = FAILURES[code] || ["The login failed", "The server answered HTTP " + status + ". Try again later."];
        var detail = body && body.error ? "Server: " + body.error : "";
        if (detail && code && detail.indexOf(code) < 0) {
            detail += " (" + code + ")";
        }
        fail(words[0], words[1], detail);
    }

    function fail(title, advice, detail) {
        text("failure-title", title);
        text("failure-text", advice);
        text("failure-detail", detail);
        show("failure");
        idle("");
    }

    // The login window closed without a login: the person closed it, or its message went elsewhere.
    function watchForClosing() {
        var watched = popup;
        watch = setInterval(function () {
            if (!watched.closed) {
                return;
            }
            clearInterval(watch);
            setTimeout(function () {
                if (popup === watched) {
                    forgetPopup();
                    fail("The login window closed", "It closed before handing over a login. Try again.", "");
                }
            }, CLOSE_GRACE_MS);
        }, 500);
    }

    // The platform hands the token only to the application's registered address (the origin of
    // its redirect URI); opened under another name, such as 127.0.0.1 for localhost, this page
    // would wait in vain.
    function warnIfNotTheRegisteredOrigin(loginUrl) {
        var warning = document.getElementById("origin-warning");
        var redirect = loginUrl.searchParams.get("redirect_uri");
        var registered = redirect ? new URL(redirect).origin : location.origin;
        warning.hidden = registered === location.origin;
        warning.textContent = "This server is registered as " + registered + ", and AltsCodex hands the login"
            + " only to that address. Open " + registered + "/ to log in.";
    }

    function forgetPopup() {
        clearInterval(watch);
        popup = null;
        platformOrigin = null;
    }

    function closePopup() {
        if (popup && !popup.closed) {
            popup.close();
        }
        forgetPopup();
    }

    function busy(message) {
        button.disabled = true;
        statusLine.textContent = message;
    }

    function idle(message) {
        button.disabled = false;
        statusLine.textContent = message;
    }

    function text(id, value) {
        document.getElementById(id).textContent = value == null ? "" : String(value);
    }

    function show(id) {
        document.getElementById(id).hidden = false;
    }

    function hide(id) {
        document.getElementById(id).hidden = true;
    }
})();
