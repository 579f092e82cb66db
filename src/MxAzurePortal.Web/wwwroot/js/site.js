// A form posts once: while its request runs, its submit buttons are disabled, so a double click or a second press
// of an impatient user does not send it again. They are disabled after the browser has read the form, so the pressed
// button's name and value are still sent. Back on the page through the browser's history, they work again.
(function () {
    'use strict';

    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (!(form instanceof HTMLFormElement) || event.defaultPrevented || (form.getAttribute('method') || 'get').toLowerCase() !== 'post') {
            return;
        }

        setTimeout(function () {
            form.setAttribute('aria-busy', 'true');
            form.querySelectorAll('button:not([type]), button[type=submit], input[type=submit]').forEach(function (button) {
                if (!button.disabled) {
                    button.disabled = true;
                    button.setAttribute('data-disabled-while-posting', '');
                }
            });
        }, 0);
    });

    window.addEventListener('pageshow', function () {
        document.querySelectorAll('[data-disabled-while-posting]').forEach(function (button) {
            button.disabled = false;
            button.removeAttribute('data-disabled-while-posting');
        });
        document.querySelectorAll('form[aria-busy=true]').forEach(function (form) {
            form.removeAttribute('aria-busy');
        });
    });
}());
