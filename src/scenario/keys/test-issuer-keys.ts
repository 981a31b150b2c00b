/**
 * TEST-ONLY RSA keys of the fictional issuers (https://<vo>-auth.example-iam.org/) that sign the
 * tokens in generated scenario bundles. Made by scripts/gen-scenario-keys.cjs; committed so the
 * generator is deterministic. They protect nothing: never configure them as a trusted issuer.
 */
export interface TestRsaJwk {
  kty: string; n: string; e: string; d: string; p: string; q: string; dp: string; dq: string; qi: string;
  alg: 'RS256'; kid: string;
}

export const TEST_ISSUER_KEYS: Record<string, TestRsaJwk> = {
  "atlas": {
    "kty": "RSA",
    "n": "107Ly9hRcwwQoktNK8v1KOovQOatvlBshyVnZAt93ofun41a71ef-A9SjkIiqBT4_YWgG0JQ_BAb7pO-hpqpxlEsnb2I2vNeIA7UvUukmRden-FJRfaCWsKJ8tU0qcph-Yxni_f9Oqgrp6gDv3HIbEcRRKw3dBkQSsP890eFDLsxCC1o01ZaPCac4gJQvs3f6_DOfHk6XQoP2JFMvKBmp3rokxc86df5NvmbSsJHPk8y2lSRh0NPtM2b0hlNMbQY5kcHsoZMbft0i7E3ZzdgNPgzDwCb_QmtdU3xMWp9ONrxOfo3qsqX9du8c2tEoeMfcLMVpfyi-Q5B2MXSlWCMVQ",
    "e": "AQAB",
    "d": "Ro5zWYs7ccSn5M9hbDNL1UsdDhsqH55SWl1nCtF7P4PzLkUP4jQoX42B482HduZcjBQQmi46xMdwp9exzYF8llk-kjis0veCxmWl0JyrxWFzqFgW_37fS-fJdhLpTaTdQ35_5k3vpZu7ppb4F3ItmFIXthXrnDekb6PXT5-X2coaNvQFn_9cG0NkHRwwXecumIKq5VODsXNpAD9qdqDWTEpNc2GtEf9LUrEN67sPRa-o0SGhGT7s8XSejyuxtSHhk8Ot-xsU468JTce7zGT3CYoLPNsh4TLAPtzBxwTkcR6i80cvT39vBAl51GqJLjhg8w3Zea1k8KWXyD2LKpyFdw",
    "p": "84IHs7NYkm0-2-2L9xpbp-zUv8loz46-sRmyGYd5tCAP5ENwoPV0CVo2OwMTLDAFDumnvzzmpmwEgVH57OEErSFDAg881SnQKlCGOJ926LwKIqNLN-ec1MyLBzKRmSwpuuljUYBuUTk0lw12T-ThmCMZcOXRF8ZN1KA9UpoS_8c",
    "q": "4lpqeqOkWvojoR9e517BWYZzwQdek5Kaj6zitTyJuUSqMKOyf_6EnignGPcWTZf9hkbW6ILHcDyRGmhZ3oCe1_1VrVZFZS-6KEd4DRnDp_aBmEGgZBwLkV1EGG67eoodFNgtiwXe0vVQlCFlA8vSY4s9rKW4nZimQdJzzUyGCwM",
    "dp": "GDumfJGqjNfmW4imVy7-VBXTjkqC7bTs8T73ZGcBC5XtPvAfM0V6CLw7jV_e9pTIzBUgpn1vDrzNLfl0f8hc6MXYn0nY6fXBS5S75sKn2L1t3MiXYbbg-qRoaYz0xGOKu5kiUygO0nJ481dZoNXMRZGopH2ac10-vZw8vg2rOl0",
    "dq": "fSf7SjZjcT5wJu3entYA2MyEAo5dmAFu3tR8QjPn_v3dkKli0GzdzUlsXNx6g4rvzqgqukNdnUyP-ucKEgJSUiEsl3xlQI7EQvNJiQze52dgvtxCoDf1mXnVZiEMHrRxYg4qGH21eDXWSSGx5gh0G0BpaKX1T4aRH0ILb8_JKhs",
    "qi": "pQNvZeKKfl7A7yGufopsqdeeNkK48KeRvSIRuSX0HuF2SpZUN2MMJBlIF31B5b2_8D6HuzVnNWpM74AbbazTUO1nfOiFM1K5l6pTblEIjDbefP-3G1khUSTNBV8Tdi5hwXuq1ILz5ZqsNCl2QSlkCLBt7Sv7eZ6H-O6qJqeVP0Y",
    "alg": "RS256",
    "kid": "atlas-test-2026"
  },
  "cms": {
    "kty": "RSA",
    "n": "ogeQ1xW-HtQucAmUllK6mhnVWO6DnV09pgxdAU1AIQ3mc4SoeNLXvK1jYhbzvpnU0VXeEJouZBGw1jLjllOWQMac3MVI8G0fdpVZcP_1MrfHqK9YkFoVr0h9uR46wUqO1Ne0_-ENOXFT7Cdm9mdsLDQHx5n1FE_sCEF-tuU2HNuPUgMqSFx0v3D1oWfsBNCR84Oees87uxi091yhQ9UU0rObJK9_j7MVvqalESfu4BLhQHNFiQjzdnqSsD0nyAG5VRqKDpsDsIg6pBYV2TB8hz4TGDflniShjMKIOEDqZmw2Fja_QUFRFnxDNE-1etA8ZxbmjvigucymF4OaCIQDKw",
    "e": "AQAB",
    "d": "ByhvHvunINuryvDbsaZgHCEcvvCFYGUb5CxgpgdJs8L68RPukRq8jLKj8EFUCNrpCEtKCDWWWX7ySnnjw5BFnTf2sVirQyj29Tk5Z4V87hApGPCP1mb8Z4qXXPrcHOl48ExVOb16iZTkct2swCE5YKWtyXKppouRnOSc9fR7S5La5sTFlGYCMNhb70HwVn7kiMZfzxxlwnVgE9423UAW5rkmUXdnteX6R8uugMsnfZ6hlXlAz1gHe-hpF8no5ny2GC0sCTGC68f8R37rJiAqkO3sl6FtYglYjpBWM194ehF7q-Ygx4_arrIcBrLWK-7XpdN33Sg-FUW8MI-iyIm6FQ",
    "p": "3E35BMUbo3EmeTCDozjPsj_ivL7fJ1dYLULG2DNPn1tq4SpJ_eZkv9_dYOC5ZAo1sV-_jSLDny1HH3FW0AH8vqIdlGETm41PgsBil5dPXHN23QB254vAoVBcseuZOxfbSRYQNsWSlN7Tx8zs8tQA5mzGv7ijXdizAL_6jim7FO8",
    "q": "vEhmTT_jDq74Lbdho5lmQmdIyY1VerM3_BdWy8IaA1LcyPsImpAqOX6JP3K79kgTQgUr5fjrgGn6FVSZzA6pI8ZSlwv_QjqzEdw7IC9vPXM5WWmWJQS9pWJb7e8IZMOO2HpsioTcO10PXDBhcG7zjNDjzjvdCXKyRyCqhX3eDYU",
    "dp": "Q1TZbOnJPrTQa222beZpJDN-Wu2DSoTZgEvOdjmIdk38ZoEESENoO3RyNq-4OakdK-71nm8nlrjB6gw72ishUio-HCFnWr1ftbiS6X3nVXw8seL4dGA0KZlkG0TEelkaPkYuAm90E2ffFku9h6Hf_Iz2WZZW59HZM7t5GoYKlaU",
    "dq": "uyyCPuN3Fr7MS65VK20xImxJCM0vH_aQflS5XYBNmeZDRK2CZR1STKvFR0UJJJGMS4KWnF1zyMoR6iibaCde8AiVTEGJ9c4i_Gtif-GIBZ_JcGCt-YkX-xSn7QZG4t0h4YT66E2iHoWp4mzaQQqbpe53uSr71wulvV31BxYUrH0",
    "qi": "XLtiLXabkyvQP8kR8c78q4LEPWgoTI2FmqL5DWXAkxTFFdWCdKAhv9Pt9Ge5fuBRgGh_IuownlXBi4TMtYOOzXNhMBO6q2TQsWbd9srRz8EkSMS-6Trbgv2epd_ObG9a4chzkWIB94dEan65tfcNXzJRj7SnalDwQ_nDdirFvdU",
    "alg": "RS256",
    "kid": "cms-test-2026"
  },
  "lhcb": {
    "kty": "RSA",
    "n": "x8DP8Cfp1jUMmErfWsY_GyKOLxbGZzjwGoVi9DB654jqCfWRwV3JrS2DOGYIrY-wyjdOyk3499Cqb7pHnQVCfb9r2-zTa2pI8a1FDNl_oH2Kulg30_JfbhB8WYDykamY-TMHriQVcCeHCCKDl5KczwixcWFQyJGZgCgFYdndbSsJE8IRoUqb0xUvZ9IHLataW0tmS_DFsqmYcmO0zJGpyBceVbacBW0zdbIeACwnFjgF3znSSGb1RGoX1Q6zFlfLOQPKffXsWyEcLvoVDURjLw6AEwGynxg8pkfIz8zylfaXyv6dYov3DIvxDxM4CmFMzZUcqWYKPeRvrS5uY7NfDw",
    "e": "AQAB",
    "d": "NRNMzPV2AvYuhgqi5UY2v1mDqQxmpEezOIDHpbV5-qpc8U-ALn5il3K34pTt6lv7MAfZFhT4ubQGjVBUNesPW0Uw_gsjs-9WOWz-I2dpK3YgFdpZ3yWP6LlVqRyDl2OWY2SFPmaVEatXDDjLeUs6AiK_ry4Z3mkdfblkkLboSFiGJ7ion7ijLToDuMq7VDerF9rvGmBsSTvwUUYG_UE7DTg4Pe26XS6SRcMeJws7JyP28RKmbbq3MOzzna4KFTObzOKJvmNmrfpfqjUUoFuhmpJQK727X0bPInPnMg9PPgayUx3X1Z9cKmG-S4hsDwU8fdCxLzwsdPD8_l59rHYCQQ",
    "p": "7jeu1MnXldrvWa7HroEUp9YdURobQkPEKNJ5j6ooMTZzB9JEe7wSqge3VvxEvMkQmWIzemgpC8lcopC1VXn31gOkV8BqSahBcpZp4Up9z2y2fxI20xgc-zXgF6rk8SnvBC9ZIKzBOTYLk4y1BaE6lOyLYJpyM7t8KXvBoxeck0E",
    "q": "1qoUN7Krmj99dlvV0w4s7px3ZCDeUSrXRUgv8VK3jzeGlylsWB-HkyKG8LShFsc3di0KlaUcgTAiCgjDP1omedm6SuiS54CWWkgVyZUBx5Xb6iCOUSzQ7LoJH8Ogy7D-dsn5lDXnLUbuM_WhO7Po-RBHGtxDxAc72vjAfrgcbk8",
    "dp": "xW1atTovNSBE3DPxhBuwrcTTeULEsq-NJDQD0WA5fUfeH-5RGaduZIKOnUXoBfoxip2LgnhPBFi3MHf0AUpbb4CHNL7gl_kdfMVSLQhaqo0z1q6Wx26lnkExXwwgQAr776D6Ig1q-mpjP78OzAKqlYBRpxd5bIyGw66wdeV8u8E",
    "dq": "A2tqLwj1mttwEDaeTWJobNSpQjsTz48zJrNjsCB1NB7aUgYi57R44GsoYyU9e7NousU06fVbYuN1Z1uEYLn66u4A_bh-vplZy85iKnfpM1i7zBsAqWJhYaQFCTCAmz4Sj6ngA_Bn4lzC5qj_DIhtKaqMt2zS14iV94MG7f3Y1hk",
    "qi": "WzWa_N8wdnOgYvowtvjsAQR-PP-lO3qS2J_8yip8kIDwkt67o7lLOUxOAVO7CZ5Wwdtk3S7NeXQIyLD3U5KYL70fHB-QXnEUvOSZROv4MtBpzhRGzNkK4MQzIJbZmJY2FUYAVo8BzBFjdvhEKFdqidNPt4CqPSEuAxzBoU1UTA8",
    "alg": "RS256",
    "kid": "lhcb-test-2026"
  }
};
