using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LearningHub.Notifications.Smtp;

/// <summary>One board's OAuth 2.0 client: where to ask for tokens and with what credentials.</summary>
public sealed record OAuthClientCredentials(Uri TokenEndpoint, string ClientId, string ClientSecret, string Scope);

/// <summary>
/// Access tokens by the client-credentials grant (RFC 6749 4.4), cached per set of credentials until
/// shortly before <c>expires_in</c>: a dispatcher pass every few seconds must not ask the identity
/// provider each time, and a token about to expire must not be sent to the SMTP server.
/// </summary>
public sealed class OAuthTokens(IHttpClientFactory http, TimeProvider clock)
{
    public const string HttpClientName = "LearningHub.Notifications.OAuth";

    /// <summary>Renew this long before expiry, so a token never expires between fetching and AUTH.</summary>
    private static readonly TimeSpan RenewEarly = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, CachedToken> _cache = new();

    /// <summary>The token source for one board's credentials (<paramref name="owner"/>: the board), sharing this cache.</summary>
    public IAccessTokenSource For(string owner, OAuthClientCredentials credentials) => new Source(this, owner, credentials);

    private async Task<string> GetAsync(string owner, OAuthClientCredentials credentials, CancellationToken cancellationToken)
    {
        var key = CacheKey(owner, credentials);
        if (_cache.TryGetValue(key, out var cached) && clock.GetUtcNow() < cached.RenewAfter)
        {
            return cached.AccessToken;
        }

        var fetched = await FetchAsync(credentials, cancellationToken);
        _cache[key] = fetched;
        return fetched.AccessToken;
    }

    private void Forget(string owner, OAuthClientCredentials credentials, string token)
    {
        var key = CacheKey(owner, credentials);
        if (_cache.TryGetValue(key, out var cached) && cached.AccessToken == token)
        {
            _cache.TryRemove(new KeyValuePair<string, CachedToken>(key, cached));
        }
    }

    private async Task<CachedToken> FetchAsync(OAuthClientCredentials credentials, CancellationToken cancellationToken)
    {
        var asked = clock.GetUtcNow();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = credentials.ClientId,
            ["client_secret"] = credentials.ClientSecret,
            ["scope"] = credentials.Scope,
        });
        var where = credentials.TokenEndpoint.GetLeftPart(UriPartial.Path);
        HttpResponseMessage response;
        try
        {
            response = await http.CreateClient(HttpClientName).PostAsync(credentials.TokenEndpoint, form, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new SmtpException($"Could not get an OAuth token from {where}: {(ex is OperationCanceledException ? "no answer in time" : ex.Message)}");
        }

        using (response)
        {
            TokenResponse? body = null;
            try
            {
                body = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
            }
            catch (Exception ex) when (ex is JsonException or NotSupportedException)
            {
                // Not JSON: the status code below says enough.
            }

            if (!response.IsSuccessStatusCode || string.IsNullOrEmpty(body?.AccessToken))
            {
                // The provider's error code and description (RFC 6749 5.2) name the fix: a wrong secret, an unknown scope.
                var error = body?.Error is null ? "" : $": {body.Error}{(body.ErrorDescription is null ? "" : $" ({body.ErrorDescription})")}";
                throw new SmtpException($"The OAuth token endpoint {where} answered {(int)response.StatusCode}{(response.IsSuccessStatusCode ? " without an access token" : "")}{error}");
            }

            // No expires_in (it is only RECOMMENDED): an hour, the usual lifetime; a refused token is renewed anyway.
            var lifetime = TimeSpan.FromSeconds(body.ExpiresIn is > 0 ? body.ExpiresIn.Value : 3600);
            var early = lifetime > RenewEarly * 2 ? RenewEarly : lifetime / 2;
            return new CachedToken(body.AccessToken, asked + lifetime - early);
        }
    }

    /// <summary>Per board setting: a changed secret, scope or endpoint is a different cache entry.</summary>
    private static string CacheKey(string owner, OAuthClientCredentials credentials) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Join('\n', owner, credentials.TokenEndpoint.AbsoluteUri, credentials.ClientId, credentials.ClientSecret, credentials.Scope))));

    private sealed record CachedToken(string AccessToken, DateTimeOffset RenewAfter);

    private sealed class TokenResponse
    {
        [JsonPropertyName("access_token")]
        public string? AccessToken { get; set; }

        // Some providers (Azure AD v1) send it as a string.
        [JsonPropertyName("expires_in")]
        [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
        public long? ExpiresIn { get; set; }

        [JsonPropertyName("error")]
        public string? Error { get; set; }

        [JsonPropertyName("error_description")]
        public string? ErrorDescription { get; set; }
    }

    private sealed class Source(OAuthTokens tokens, string owner, OAuthClientCredentials credentials) : IAccessTokenSource
    {
        public Task<string> GetAsync(CancellationToken cancellationToken) => tokens.GetAsync(owner, credentials, cancellationToken);

        public void Forget(string token) => tokens.Forget(owner, credentials, token);
    }
}
