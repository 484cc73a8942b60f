(function () {
    "use strict";

    // what each code the server may answer means to a person
    var WORDS = {
        LINK_USED: "This login link has been used already: a link logs in once. Ask the chat or the game for a new one.",
        LINK_EXPIRED: "This login link has expired. Ask the chat or the game for a new one.",
        LINK_NOT_FOUND: "This is not a valid login link. Check it, or ask for a new one.",
        EXPIRED_TOKEN: "Your AltsCodex login expired before it arrived. Ask for a new link and try again.",
        CALLBACK_TIMEOUT: "AltsCodex did not confirm the login in time. Ask for a new link and try again.",
        CALLBACK_REJECTED: "AltsCodex did not allow this login.",
        AUTHORIZE_FAILED: "AltsCodex refused the login or could not be reached.",
        UPSTREAM_HTTP: "AltsCodex had a problem handing over your account.",
        UPSTREAM_UNAVAILABLE: "AltsCodex is unavailable right now. Try again in a minute.",
        SHUTDOWN: "This server is restarting. Try again in a moment.",
        OVERLOADED: "This server is busy. Try again in a moment.",
        RATE_LIMITED: "Too many wrong codes or links from here. Wait a minute, then try again.",
        CROSS_SITE_REQUEST: "This login must be made from this site's own page. Open the link again."
    };
    var CODE_UNKNOWN = "No login link waits for this code. Check it, or ask for a new one.";

    var path = location.pathname;
    var linkMatch = path.match(/^(.*\/)api\/link\/([A-Za-z0-9_.-]+)$/);
    var root = linkMatch ? linkMatch[1] : path.replace(/link\/(index\.html)?$/, "");
    var linkUrl = linkMatch ? location.origin + path : null;
    var popup = null;
    var platformOrigin = null;

    if (linkUrl) {
        checkLink();
    } else {
        showCodeForm();
    }

    function showCodeForm() {
        document.getElementById("code-form").hidden = false;
        if (/[?&]unknown\b/.test(location.search)) {
            problem(CODE_UNKNOWN);
        }
        document.getElementById("code-form").addEventListener("submit", function (event) {
            event.preventDefault();
            var code = document.getElementById("code").value;
            say("Looking up the code…");
            fetch(root + "api/link?code=" + encodeURIComponent(code), { headers: { Accept: "application/json" } })
                .then(function (response) {
                    return response.json().then(function (body) {
                        if (response.ok && body.url) {
                            location.href = body.url;
                        } else {
                            say("");
                            problem(WORDS[body.code] && body.code !== "LINK_NOT_FOUND" ? WORDS[body.code] : CODE_UNKNOWN);
                        }
                    });
                }).catch(function () {
                    problem("This server cannot be reached. Try again.");
                });
        });
    }

    function checkLink() {
        fetch(linkUrl, { headers: { Accept: "application/json" } }).then(function (response) {
            return response.json().then(function (body) {
                if (response.ok && body.status === "pending") {
                    document.getElementById("login-step").hidden = false;
                    document.getElementById("login").addEventListener("click", startLogin);
                } else if (response.ok && body.status === "used") {
                    problem(WORDS.LINK_USED);
                } else if (response.ok && body.status === "expired") {
                    problem(WORDS.LINK_EXPIRED);
                } else {
                    problem(WORDS[body.code] || WORDS.LINK_NOT_FOUND);
                }
            });
        }).catch(function () {
            problem("This server cannot be reached. Try again.");
        });
    }

    function startLogin() {
        // opened inside the click, or the browser blocks it as an unwanted pop-up
        popup = window.open("about:blank", "altscodex-login", "width=480,height=640");
        if (!popup) {
            problem("The login window was blocked: allow pop-ups for this page and try again.");
            return;
        }
        busy("Opening the AltsCodex login…");
        fetch(root + "api/login-url", { headers: { Accept: "application/json" } })
            .then(function (response) { return response.json(); })
            .then(function (answer) {
                var loginUrl = new URL(answer.login_url);
                platformOrigin = loginUrl.origin;
                popup.location.href = loginUrl.href;
                say("Log in in the AltsCodex window…");
            }).catch(function () {
                problem("This server gave no login link. Try again.");
            });
    }

    // the platform hands the JWT to this page; it goes to the link's own URL, which logs in once
    window.addEventListener("message", function (event) {
        var data = event.data;
        if (popup === null || event.source !== popup || event.origin !== platformOrigin || !data
                || data.from !== "altscodex" || typeof data.jwt !== "string" || data.jwt === "") {
            return;
        }
        popup = null;
        say("Logging in…");
        fetch(linkUrl, {
            method: "POST",
            headers: { "Content-Type": "application/json", Accept: "application/json" },
            body: JSON.stringify({ jwt: data.jwt })
        }).then(function (response) {
            return response.json().catch(function () { return null; }).then(function (body) {
                document.getElementById("login-step").hidden = true;
                say("");
                if (response.ok && body && body.success) {
                    var done = document.getElementById("done");
                    done.textContent = "You're logged in — go back to the chat or the game.";
                    done.hidden = false;
                } else {
                    problem((body && WORDS[body.code]) || "The login failed (HTTP " + response.status + ").");
                }
            });
        }).catch(function () {
            problem("This server cannot be reached. Try again.");
        });
    });

    function busy(message) {
        document.getElementById("login").disabled = true;
        say(message);
    }

    function say(message) {
        document.getElementById("status").textContent = message;
    }

    function problem(message) {
        var box = document.getElementById("problem");
        box.textContent = message;
        box.hidden = false;
        say("");
    }
})();
