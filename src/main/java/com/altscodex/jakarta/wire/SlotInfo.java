package com.altscodex.jakarta.wire;

/**
 * The user's slot, as get_token returns it.
 *
 * @param id the stable user identifier: use it as your primary key
 * @param accessToken a DeOAuth access token (not an application session); keep it server-side
 * @param contentAddress the on-chain wallet address
 * @param tokenNickname the nickname the user chose for the slot
 * @param trCnt the transfer count
 * @param code the authorization code that was exchanged (single-use)
 */
public record SlotInfo(String id, String accessToken, String contentAddress, String tokenNickname,
        long trCnt, String code) {

    @Override
    public String toString() {
        return "SlotInfo[id=" + id + ", contentAddress=" + contentAddress + ", tokenNickname="
                + tokenNickname + ", trCnt=" + trCnt + ", accessToken=****, code=****]";
    }
}
