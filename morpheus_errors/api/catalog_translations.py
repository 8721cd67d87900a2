"""
The German and French of every seeded status and reason: catalog data, shipped by
migration api.0004 (see translations.py). Code, header, parameter and member names
stay in English, in code spans; placeholders stay as the English message has them.
"""

# {status: {language: {field: text}}}; a field the English leaves blank is left out.
STATUSES: dict[int, dict[str, dict[str, str]]] = {
    400: {
        "de": {
            "title": "Ungültige Anfrage",
            "description": "Ihre Anfrage ist fehlgeschlagen. Prüfen Sie die Parameter Ihrer "
            "Anfrage und versuchen Sie es erneut.",
            "troubleshooting": "Dieser Fehler wird zurückgegeben, wenn Ihre Anfrage ungültig "
            "ist. Meist fehlt ein Parameter oder ein Wert ist ungültig. Ändern Sie die Daten "
            "Ihrer Anfrage und senden Sie sie erneut.",
        },
        "fr": {
            "title": "Requête incorrecte",
            "description": "Votre requête a échoué. Vérifiez les paramètres de votre requête "
            "et réessayez.",
            "troubleshooting": "Cette erreur est renvoyée si votre requête n’est pas valide. "
            "Le plus souvent, un paramètre manque ou sa valeur n’est pas valide. Modifiez les "
            "données de votre requête et renvoyez-la.",
        },
    },
    401: {
        "de": {
            "title": "Nicht autorisiert",
            "description": "Ihr API-Schlüssel ist ungültig. Prüfen Sie Ihren "
            "Authorization-Header.",
            "troubleshooting": "Dieser Fehler tritt auf, wenn Sie den Authorization-Header "
            "nicht mitsenden.\n\nDer Fehlercode 401 wird zurückgegeben, wenn Ihr Zugriffstoken "
            "ungültig oder abgelaufen ist.",
        },
        "fr": {
            "title": "Non autorisé",
            "description": "Votre clé d’API n’est pas valide. Vérifiez votre en-tête "
            "Authorization.",
            "troubleshooting": "Cette erreur survient si vous n’envoyez pas l’en-tête "
            "Authorization.\n\nLe code d’erreur 401 est renvoyé si votre jeton d’accès n’est "
            "pas valide ou a expiré.",
        },
    },
    403: {
        "de": {
            "title": "Verboten",
            "description": "Ihr API-Schlüssel hat nicht die erforderliche Rolle oder "
            "Berechtigung.",
            "troubleshooting": "Dieser Fehler tritt auf, wenn Sie ohne die erforderlichen "
            "Berechtigungen auf einen Endpunkt zugreifen.\n\nFür dieses Fehlerbeispiel "
            "verwenden Sie das Token eines Benutzers ohne Administratorrechte.",
        },
        "fr": {
            "title": "Interdit",
            "description": "Votre clé d’API ne dispose pas du rôle ou des droits requis.",
            "troubleshooting": "Cette erreur survient si vous accédez à un point de "
            "terminaison sans les droits requis.\n\nPour reproduire cet exemple, utilisez le "
            "jeton d’un utilisateur qui n’a aucun droit d’administration.",
        },
    },
    404: {
        "de": {
            "title": "Nicht gefunden",
            "description": "Die angegebene Ressource wurde nicht gefunden.",
            "troubleshooting": "Dieser Fehler bedeutet, dass der angegebene Endpunktpfad nicht "
            "existiert. Prüfen Sie die URL Ihrer Anfrage und versuchen Sie es erneut.\n\n"
            "Der Fehlercode 404 wird zurückgegeben, wenn unter der angegebenen ID keine "
            "Ressource gefunden wurde.",
        },
        "fr": {
            "title": "Introuvable",
            "description": "La ressource indiquée est introuvable.",
            "troubleshooting": "Cette erreur indique que le chemin de point de terminaison "
            "indiqué n’existe pas. Vérifiez l’URL de votre requête et réessayez.\n\n"
            "Le code d’erreur 404 est renvoyé si aucune ressource n’a été trouvée avec "
            "l’identifiant indiqué.",
        },
    },
    405: {
        "de": {
            "title": "Methode nicht erlaubt",
            "description": "Sie haben mit einer ungültigen Methode auf eine Ressource "
            "zugegriffen.",
            "troubleshooting": "Der `Allow`-Header der Antwort nennt die Methoden, die dieser "
            "Endpunkt annimmt.",
        },
        "fr": {
            "title": "Méthode non autorisée",
            "description": "Vous avez tenté d’accéder à une ressource avec une méthode non "
            "valide.",
            "troubleshooting": "L’en-tête `Allow` de la réponse indique les méthodes "
            "acceptées par ce point de terminaison.",
        },
    },
    406: {
        "de": {
            "title": "Nicht akzeptabel",
            "description": "Sie haben ein anderes Format als JSON angefordert.",
            "troubleshooting": "Senden Sie `Accept: application/json` (oder lassen Sie den "
            "Header weg).",
        },
        "fr": {
            "title": "Non acceptable",
            "description": "Vous avez demandé un format autre que JSON.",
            "troubleshooting": "Envoyez `Accept: application/json` (ou omettez cet en-tête).",
        },
    },
    409: {
        "de": {
            "title": "Konflikt",
            "description": "Die Anfrage steht im Konflikt mit dem aktuellen Zustand der "
            "Ressource.",
            "troubleshooting": "Rufen Sie die Ressource erneut ab, wenden Sie Ihre Änderung "
            "auf ihren aktuellen Zustand an und versuchen Sie es erneut.",
        },
        "fr": {
            "title": "Conflit",
            "description": "La requête est en conflit avec l’état actuel de la ressource.",
            "troubleshooting": "Récupérez à nouveau la ressource, appliquez votre "
            "modification à son état actuel et réessayez.",
        },
    },
    410: {
        "de": {
            "title": "Nicht mehr vorhanden",
            "description": "Das angeforderte Objekt wurde von unseren Servern entfernt.",
            "troubleshooting": "Das Objekt existierte, wurde aber entfernt und wird nicht "
            "wiederhergestellt. Entfernen Sie den Verweis darauf aus Ihren Skripten.",
        },
        "fr": {
            "title": "Ressource supprimée",
            "description": "L’objet demandé a été supprimé de nos serveurs.",
            "troubleshooting": "L’objet a existé mais a été supprimé ; il ne reviendra pas. "
            "Retirez toute référence à cet objet de vos scripts.",
        },
    },
    415: {
        "de": {
            "title": "Nicht unterstützter Medientyp",
            "description": "Der Anfragetext liegt in einem Format vor, das der Endpunkt nicht "
            "annimmt.",
            "troubleshooting": "Senden Sie den Anfragetext mit einem `Content-Type`, den der "
            "Endpunkt annimmt, meist `application/json`.",
        },
        "fr": {
            "title": "Type de média non pris en charge",
            "description": "Le corps de la requête est dans un format que le point de "
            "terminaison n’accepte pas.",
            "troubleshooting": "Envoyez le corps avec un `Content-Type` accepté par le point "
            "de terminaison, généralement `application/json`.",
        },
    },
    418: {
        "de": {
            "title": "Ich bin eine Teekanne",
            "description": "Ich bin eine Teekanne.",
            "troubleshooting": "Der Server weigert sich, Kaffee zu kochen, denn er ist nun "
            "einmal dauerhaft eine Teekanne.",
        },
        "fr": {
            "title": "Je suis une théière",
            "description": "Je suis une théière.",
            "troubleshooting": "Le serveur refuse de préparer du café, car il est, "
            "définitivement, une théière.",
        },
    },
    422: {
        "de": {
            "title": "Nicht verarbeitbarer Inhalt",
            "description": "Die Anfrage war wohlgeformt, konnte aber nicht verarbeitet werden.",
            "troubleshooting": "Der Anfragetext war lesbar, sein Inhalt lässt sich so aber "
            "nicht verwenden: siehe `msg` und `errors`.",
        },
        "fr": {
            "title": "Contenu impossible à traiter",
            "description": "La requête était bien formée mais n’a pas pu être traitée.",
            "troubleshooting": "Le corps a pu être analysé, mais son contenu n’est pas "
            "utilisable tel quel : voir `msg` et `errors`.",
        },
    },
    429: {
        "de": {
            "title": "Zu viele Anfragen",
            "description": "Sie stellen zu viele Anfragen an den Server. Bitte drosseln Sie "
            "das Tempo.",
            "troubleshooting": "Warten Sie die im `Retry-After`-Header angegebene Anzahl "
            "Sekunden, bevor Sie die nächste Anfrage senden.",
        },
        "fr": {
            "title": "Trop de requêtes",
            "description": "Vous sollicitez trop le serveur. Ralentissez le rythme.",
            "troubleshooting": "Attendez le nombre de secondes indiqué dans l’en-tête "
            "`Retry-After` avant d’envoyer une autre requête.",
        },
    },
    500: {
        "de": {
            "title": "Interner Serverfehler",
            "description": "Auf unserem Server ist ein Problem aufgetreten. Versuchen Sie es "
            "später erneut.",
            "troubleshooting": "Dieser Fehler bedeutet, dass bei der Verarbeitung der Anfrage "
            "ein unerwarteter Fehler aufgetreten ist.\n\nGeben Sie die `requestId` der "
            "Antwort an, wenn Sie den Fehler melden.",
        },
        "fr": {
            "title": "Erreur interne du serveur",
            "description": "Notre serveur a rencontré un problème. Réessayez plus tard.",
            "troubleshooting": "Cette erreur indique qu’une erreur inattendue s’est produite "
            "lors du traitement de la requête.\n\nIndiquez le `requestId` de la réponse "
            "lorsque vous signalez l’erreur.",
        },
    },
    503: {
        "de": {
            "title": "Dienst nicht verfügbar",
            "description": "Wir sind wegen Wartungsarbeiten vorübergehend nicht erreichbar. "
            "Bitte versuchen Sie es später erneut.",
            "troubleshooting": "Warten Sie die im `Retry-After`-Header angegebene Anzahl "
            "Sekunden und versuchen Sie es dann erneut.",
        },
        "fr": {
            "title": "Service indisponible",
            "description": "Le service est temporairement indisponible pour maintenance. "
            "Veuillez réessayer plus tard.",
            "troubleshooting": "Attendez le nombre de secondes indiqué dans l’en-tête "
            "`Retry-After`, puis réessayez.",
        },
    },
}

_BAD_REQUEST = STATUSES[400]
_NOT_FOUND = {
    language: texts["troubleshooting"].split("\n\n") for language, texts in STATUSES[404].items()
}
_SLOW_DOWN = STATUSES[429]
_MAINTENANCE = STATUSES[503]


def _message(status: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """A reason whose message is its status's description (the seed page's table text)."""
    return {language: {"message": texts["description"]} for language, texts in status.items()}


# {code: {language: {field: text}}}; a field the English leaves blank is left out.
REASONS: dict[str, dict[str, dict[str, str]]] = {
    "bad_request": _message(_BAD_REQUEST),
    "invalid": {
        "de": {
            "message": "{resource} konnte nicht gespeichert werden",
            "troubleshooting": "`errors` nennt jedes abgelehnte Feld und den Grund. "
            "Korrigieren Sie diese Werte und senden Sie die Anfrage erneut.",
        },
        "fr": {
            "message": "Impossible d’enregistrer {resource}",
            "troubleshooting": "`errors` indique chaque champ refusé et la raison du refus. "
            "Corrigez ces valeurs et renvoyez la requête.",
        },
    },
    "invalid_grant": {
        "de": {
            "message": "Ungültige Anmeldedaten",
            "troubleshooting": "Benutzername und Passwort (oder das Aktualisierungstoken) "
            "wurden nicht akzeptiert.",
        },
        "fr": {
            "message": "Identifiants incorrects",
            "troubleshooting": "Le nom d’utilisateur et le mot de passe (ou le jeton "
            "d’actualisation) n’ont pas été acceptés.",
        },
    },
    "invalid_parameters": {
        "de": {
            "message": "Ungültige Abfrageparameter",
            "troubleshooting": "`errors` nennt jeden abgelehnten Abfrageparameter und den Grund.",
        },
        "fr": {
            "message": "Paramètres de requête non valides",
            "troubleshooting": "`errors` indique chaque paramètre de requête refusé et la "
            "raison du refus.",
        },
    },
    "invalid_request": {
        "de": {
            "message": "Ungültige Token-Anfrage",
            "troubleshooting": "Senden Sie die Anmeldedaten (`username`, `password`, "
            "`refresh_token`) als Formularfelder "
            "(`Content-Type: application/x-www-form-urlencoded`), niemals im Query-String; "
            "`client_id`, `grant_type` und `scope` dürfen an beiden Stellen stehen.",
        },
        "fr": {
            "message": "Demande de jeton non valide",
            "troubleshooting": "Envoyez les identifiants (`username`, `password`, "
            "`refresh_token`) comme champs de formulaire "
            "(`Content-Type: application/x-www-form-urlencoded`), jamais dans la chaîne de "
            "requête ; `client_id`, `grant_type` et `scope` peuvent figurer à l’un ou "
            "l’autre endroit.",
        },
    },
    "parse_error": {
        "de": {
            "message": "Fehlerhafter Anfragetext",
            "troubleshooting": "Der Anfragetext konnte nicht gelesen werden. Senden Sie "
            "gültiges JSON mit `Content-Type: application/json` oder Formulardaten, wo der "
            "Endpunkt diese annimmt.",
        },
        "fr": {
            "message": "Corps de requête mal formé",
            "troubleshooting": "Le corps de la requête n’a pas pu être analysé. Envoyez du "
            "JSON valide avec `Content-Type: application/json`, ou un formulaire là où le "
            "point de terminaison en accepte un.",
        },
    },
    "request_too_large": {
        "de": {
            "message": "Der Anfragetext ist zu groß",
            "troubleshooting": "Senden Sie einen kleineren Anfragetext oder teilen Sie die "
            "Änderung auf mehrere Anfragen auf.",
        },
        "fr": {
            "message": "Le corps de la requête est trop volumineux",
            "troubleshooting": "Envoyez un corps plus petit ou répartissez la modification "
            "sur plusieurs requêtes.",
        },
    },
    "unsupported_grant_type": {
        "de": {
            "message": "Nicht unterstützter Grant-Typ: {grant_type}",
            "troubleshooting": "Verwenden Sie `grant_type=password` oder "
            "`grant_type=refresh_token`.",
        },
        "fr": {
            "message": "Type d’autorisation non pris en charge : {grant_type}",
            "troubleshooting": "Utilisez `grant_type=password` ou `grant_type=refresh_token`.",
        },
    },
    "authentication_failed": {
        "de": {
            "message": "Falsche Anmeldedaten.",
            "troubleshooting": "Die gesendeten Anmeldedaten wurden abgelehnt. Prüfen Sie sie "
            "oder melden Sie sich erneut an.",
        },
        "fr": {
            "message": "Informations d’authentification incorrectes.",
            "troubleshooting": "Les identifiants envoyés ont été refusés. Vérifiez-les ou "
            "reconnectez-vous.",
        },
    },
    "invalid_client": {
        "de": {
            "message": "Ungültige Client-Anmeldedaten",
            "troubleshooting": "Der Token-Endpunkt kennt die `client_id` nicht. Verwenden Sie "
            "die Client-ID, die die API Ihrer Anwendung zugewiesen hat.",
        },
        "fr": {
            "message": "Identifiants client incorrects",
            "troubleshooting": "Le point de terminaison de jeton ne connaît pas ce "
            "`client_id`. Utilisez l’identifiant client que l’API a attribué à votre "
            "application.",
        },
    },
    "invalid_token": {
        "de": {
            "message": "Ungültiges Zugriffstoken",
            "troubleshooting": "Das Zugriffstoken ist unbekannt oder wurde widerrufen. "
            "Fordern Sie bei `/oauth/token` ein neues an.",
        },
        "fr": {
            "message": "Jeton d’accès non valide",
            "troubleshooting": "Le jeton d’accès est inconnu ou a été révoqué. Demandez-en un "
            "nouveau à `/oauth/token`.",
        },
    },
    "not_authenticated": {
        "de": {
            "message": "Für den Zugriff auf diese Ressource ist eine vollständige "
            "Authentifizierung erforderlich",
            "troubleshooting": "Dieser Fehler tritt auf, wenn Sie den Authorization-Header "
            "nicht mitsenden: `Authorization: Bearer <access token>`.",
        },
        "fr": {
            "message": "Une authentification complète est requise pour accéder à cette ressource",
            "troubleshooting": "Cette erreur survient si vous n’envoyez pas l’en-tête "
            "Authorization : `Authorization: Bearer <access token>`.",
        },
    },
    "token_expired": {
        "de": {
            "message": "Zugriffstoken abgelaufen",
            "troubleshooting": "Zugriffstoken laufen ab. Fordern Sie mit Ihrem "
            "Aktualisierungstoken und `grant_type=refresh_token` ein neues an.",
        },
        "fr": {
            "message": "Jeton d’accès expiré",
            "troubleshooting": "Les jetons d’accès expirent. Utilisez votre jeton "
            "d’actualisation avec `grant_type=refresh_token` pour en obtenir un nouveau.",
        },
    },
    "csrf_failed": {
        "de": {
            "message": "CSRF-Prüfung fehlgeschlagen",
            "troubleshooting": "Formulare im Browser müssen ihr CSRF-Token mitsenden. "
            "API-Clients sollten sich mit einem Bearer-Token statt mit einem Sitzungscookie "
            "authentifizieren.",
        },
        "fr": {
            "message": "Échec de la vérification CSRF",
            "troubleshooting": "Les formulaires du navigateur doivent envoyer leur jeton "
            "CSRF. Les clients de l’API doivent s’authentifier avec un jeton Bearer plutôt "
            "qu’avec un cookie de session.",
        },
    },
    "insufficient_scope": {
        "de": {
            "message": "Der Geltungsbereich des Zugriffstokens erlaubt diese Anfrage nicht",
            "troubleshooting": "Fordern Sie ein Token mit dem Geltungsbereich an, den diese "
            "Anfrage benötigt (`write` für Änderungen, `read` oder `write` zum Lesen).",
        },
        "fr": {
            "message": "La portée du jeton d’accès ne permet pas cette requête",
            "troubleshooting": "Demandez un jeton avec la portée nécessaire à cette requête "
            "(`write` pour toute modification, `read` ou `write` pour la lecture).",
        },
    },
    "permission_denied": {
        "de": {
            "message": "Sie haben keine Berechtigung für diesen API-Endpunkt",
            "troubleshooting": "Bitten Sie einen Administrator um eine Rolle, die Zugriff auf "
            "diesen Endpunkt gewährt.",
        },
        "fr": {
            "message": "Vous n’avez pas les droits d’accès à ce point de terminaison de l’API",
            "troubleshooting": "Demandez à un administrateur un rôle qui donne accès à ce "
            "point de terminaison.",
        },
    },
    "endpoint_not_found": {
        "de": {
            "message": "API-Endpunkt {method} {path} nicht gefunden",
            "troubleshooting": _NOT_FOUND["de"][0],
        },
        "fr": {
            "message": "Point de terminaison de l’API introuvable : {method} {path}",
            "troubleshooting": _NOT_FOUND["fr"][0],
        },
    },
    "not_found": {
        "de": {"message": "{resource} nicht gefunden", "troubleshooting": _NOT_FOUND["de"][1]},
        "fr": {"message": "{resource} introuvable", "troubleshooting": _NOT_FOUND["fr"][1]},
    },
    "method_not_allowed": _message(STATUSES[405]),
    "not_acceptable": _message(STATUSES[406]),
    "gone": _message(STATUSES[410]),
    "unsupported_media_type": {
        "de": {
            "message": "Nicht unterstützter Medientyp in der Anfrage",
            "troubleshooting": "Senden Sie den Anfragetext als JSON mit "
            "`Content-Type: application/json`.",
        },
        "fr": {
            "message": "Type de média non pris en charge dans la requête",
            "troubleshooting": "Envoyez le corps en JSON avec `Content-Type: application/json`.",
        },
    },
    "teapot": _message(STATUSES[418]),
    "rate_limited": _message(_SLOW_DOWN),
    "throttled": {
        "de": {
            "message": _SLOW_DOWN["de"]["description"],
            "troubleshooting": "Eine Ratenbegrenzung der API (die Throttles von DRF) hat die "
            "Anfrage abgelehnt.",
        },
        "fr": {
            "message": _SLOW_DOWN["fr"]["description"],
            "troubleshooting": "Une limite de débit de l’API (les throttles de DRF) a refusé "
            "la requête.",
        },
    },
    "server_error": _message(STATUSES[500]),
    "maintenance": _message(_MAINTENANCE),
    "service_unavailable": _message(_MAINTENANCE),
}
